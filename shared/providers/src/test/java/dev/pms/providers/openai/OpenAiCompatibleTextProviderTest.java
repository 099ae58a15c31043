package dev.pms.providers.openai;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.QualityTier;
import dev.pms.providers.http.Redactor;
import dev.pms.providers.http.Sleeper;
import dev.pms.providers.openai.ChatCompletionsStub.RecordedCall;
import dev.pms.providers.openai.ChatCompletionsStub.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiCompatibleTextProviderTest {
    private static final String KEY = "sk-test-5c1d0e9f7a2b4c6d8e0f1a3b5c7d9e1f";
    private static final String MODEL = "gpt-4o-mini";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);
    private static final Duration BACKOFF_BASE = Duration.ofMillis(100);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Map<String, Object> PRODUCT = Map.of(
            "product_name", "Acme Notes",
            "product_description", "Notes that write themselves. Capture every meeting and get a summary in seconds.",
            "features", List.of("automatic summaries", "offline sync", "shared notebooks"));
    private static final String HOOK = "Write less, remember more";
    private static final String CONCEPT = "Acme Notes turns every meeting into clear next steps.";

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recordingSleeper = waits::add;
    private ChatCompletionsStub stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = new ChatCompletionsStub();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void writesTheCopyFromTheAnswerAfterAWellFormedRequest() throws Exception {
        stub.then(Reply.json(200, completion(Map.of("text", "Write less, remember more. Acme Notes sums up every meeting. #AcmeNotes"),
                "stop", 812, 64)));

        GeneratedMedia media = completed(provider(3).submit(request("twitter/post_copy", List.of("game changer"))));

        assertThat(copyOf(media)).isEqualTo(Map.of("text", "Write less, remember more. Acme Notes sums up every meeting. #AcmeNotes"));
        assertThat(media.mimeType()).isEqualTo("application/json");
        assertThat(new String(media.bytes(), StandardCharsets.UTF_8)).isEqualTo(media.textContent());
        assertThat(media.provider()).isEqualTo("openai");
        assertThat(media.model()).isEqualTo(MODEL);
        assertThat(media.details()).containsEntry("finish_reason", "stop").containsEntry("prompt_tokens", 812L)
                .containsEntry("completion_tokens", 64L).containsEntry("placement", "twitter/post_copy")
                .containsEntry("http_calls", 1);

        RecordedCall call = stub.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v1/chat/completions");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = Json.mapper().readTree(call.body());
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(OpenAiCompatibleConfig.DEFAULT_MAX_OUTPUT_TOKENS);
        assertThat(body.path("temperature").asDouble()).isEqualTo(ChatPrompt.TEMPERATURE);
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText())
                .contains("JSON object", "\"text\"", "at most 280 characters", "at most 2 hashtags", "\"game changer\"");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).contains(HOOK, CONCEPT, "offline sync", "A launch post for Acme Notes");
    }

    @Test
    void cutsOverLongCopyBetweenWordsToEveryFieldLimitAndCount() {
        List<String> headlines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            headlines.add("Headline number " + i + " says far more than thirty characters allow");
        }
        String description = "captures every meeting, extracts every commitment and deadline, "
                + "and files them where your team already works, every single day of the week";
        List<String> descriptions = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            descriptions.add("Variant " + i + " " + description);
        }
        stub.then(Reply.json(200, completion(Map.of("headline", headlines, "description", descriptions), "stop", 900, 700)));

        GeneratedMedia media = completed(provider(3).submit(request("google_ads/search_copy", List.of())));

        Map<String, Object> copy = copyOf(media);
        assertThat(copy).containsOnlyKeys("headline", "description", "path");
        List<String> fittedHeadlines = strings(copy.get("headline"));
        assertThat(fittedHeadlines).hasSize(15).allSatisfy(h -> assertThat(h.length()).isLessThanOrEqualTo(30));
        assertThat(fittedHeadlines.get(0)).isEqualTo("Headline number 1 says far");
        List<String> fittedDescriptions = strings(copy.get("description"));
        assertThat(fittedDescriptions).hasSize(4).allSatisfy(d -> assertThat(d.length()).isLessThanOrEqualTo(90));
        for (int i = 0; i < 4; i++) {
            assertThat(descriptions.get(i)).startsWith(fittedDescriptions.get(i) + " ");
        }
        assertThat(copy.get("path")).isEqualTo(List.of());
        assertThat(media.details().get("adjusted_fields")).isEqualTo(List.of("headline", "description"));
    }

    @Test
    void readsFieldsWhateverTheLetterCaseOfTheirKeys() {
        stub.then(Reply.json(200, completion(Map.of("Title", "Acme Notes", "DESCRIPTION", "Notes that write themselves."),
                "stop", 500, 30)));

        GeneratedMedia media = completed(provider(3).submit(request("pinterest/pin_copy", List.of())));

        assertThat(copyOf(media)).isEqualTo(Map.of("title", "Acme Notes", "description", "Notes that write themselves."));
    }

    @Test
    void dropsHashtagsBeyondThePlacementsCap() {
        stub.then(Reply.json(200, completion(Map.of("text", "Meet Acme Notes. #AcmeNotes #Meetings #Productivity #Notes"),
                "stop", 500, 40)));

        GeneratedMedia media = completed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(copyOf(media)).containsEntry("text", "Meet Acme Notes. #AcmeNotes #Meetings");
    }

    @Test
    void removesTheBrandsForbiddenPhrasesInAnyCase() {
        stub.then(Reply.json(200, completion(Map.of(
                "caption", "A true Game Changer for teams. Notes that write themselves. #AcmeNotes"), "stop", 500, 40)));

        GeneratedMedia media = completed(provider(3).submit(request("instagram/caption", List.of("game changer"))));

        String caption = (String) copyOf(media).get("caption");
        assertThat(caption).doesNotContainIgnoringCase("game changer").contains("Notes that write themselves. #AcmeNotes");
    }

    @Test
    void completesAFieldLeftEmptyOrTooShortFromTheOfflineCopywriter() {
        stub.then(Reply.json(200, completion(Map.of(
                "subject", "Game changer",
                "preheader", "Too short",
                "body", "Acme Notes turns every meeting into clear next steps."), "stop", 500, 60)));

        GeneratedMedia media = completed(provider(3).submit(request("email/copy", List.of("game changer"))));

        Map<String, Object> copy = copyOf(media);
        assertThat((String) copy.get("subject")).isNotBlank().hasSizeLessThanOrEqualTo(60).doesNotContainIgnoringCase("game changer");
        assertThat((String) copy.get("preheader")).hasSizeBetween(40, 100);
        assertThat(copy.get("body")).isEqualTo("Acme Notes turns every meeting into clear next steps.");
        assertThat(media.details().get("completed_offline_fields")).isEqualTo(List.of("subject", "preheader"));
    }

    @Test
    void waitsAsLongAsRetryAfterSaysThenRetriesARateLimitedCall() {
        stub.then(Reply.withHeader(429, "Retry-After", "2", error("Rate limit reached for requests", "requests", "rate_limit_exceeded")))
                .then(Reply.json(200, completion(Map.of("text", "Acme Notes is here."), "stop", 400, 20)));

        completed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(stub.calls()).hasSize(2);
    }

    @Test
    void readsRetryAfterGivenAsAnHttpDate() {
        stub.then(Reply.withHeader(503, "Retry-After", "Wed, 25 Nov 2026 09:00:03 GMT", error("overloaded", "server_error", null)))
                .then(Reply.json(200, completion(Map.of("text", "Acme Notes is here."), "stop", 400, 20)));

        completed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void givesUpRetryablyWhenRetryAfterIsLongerThanTheCap() {
        stub.then(Reply.withHeader(429, "Retry-After", "120", error("Rate limit reached", "requests", "rate_limit_exceeded")));

        ProviderJob.Failed failed = failed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("HTTP 429", "120 s");
        assertThat(waits).isEmpty();
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void fallsBackToItsOwnBackoffWhenRetryAfterIsUnreadable() {
        stub.then(Reply.withHeader(429, "Retry-After", "soon", error("Rate limit reached", "requests", "rate_limit_exceeded")))
                .then(Reply.json(200, completion(Map.of("text", "Acme Notes is here."), "stop", 400, 20)));

        completed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @Test
    void retriesServerErrorsWithGrowingJitteredBackoff() {
        stub.then(Reply.json(500, error("The server had an error", "server_error", null)))
                .then(Reply.json(500, error("The server had an error", "server_error", null)))
                .then(Reply.json(200, completion(Map.of("text", "Acme Notes is here."), "stop", 400, 20)));

        completed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(stub.calls()).hasSize(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void reportsARetryableFailureWhenEveryAttemptFails() {
        stub.then(Reply.json(502, "<html>Bad gateway</html>")).then(Reply.json(500, "{}")).then(Reply.json(503, "{}"));

        ProviderJob.Failed failed = failed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).isEqualTo("the provider failed (HTTP 503) (gave up after 3 attempts)");
        assertThat(stub.calls()).hasSize(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void doesNotRetryABadRequest() {
        stub.then(Reply.json(400, error("Invalid value for 'temperature'", "invalid_request_error", "invalid_value")));

        ProviderJob.Failed failed = failed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).isEqualTo("the provider rejected the request as invalid (HTTP 400): Invalid value for 'temperature'");
        assertThat(stub.calls()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void reportsARejectedKeyWithoutTheKey() {
        stub.then(Reply.json(401, error("Incorrect API key provided: " + KEY + ". You can find your API key in your account.",
                "invalid_request_error", "invalid_api_key")));

        ProviderJob.Failed failed = failed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).isEqualTo("the API key was rejected (HTTP 401)");
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void doesNotRetryAnUnknownModel() {
        stub.then(Reply.json(404, error("The model `gpt-5-nano` does not exist", "invalid_request_error", "model_not_found")));

        ProviderJob.Failed failed = failed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).startsWith("the model 'gpt-4o-mini' or the endpoint was not found (HTTP 404)");
        assertThat(stub.calls()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"content_filter", "refusal", "policy_error"})
    void surfacesAContentPolicyRefusalWithoutRetrying(String kind) {
        stub.then(switch (kind) {
            case "content_filter" -> Reply.json(200, completionWithContent(null, null, "content_filter"));
            case "refusal" -> Reply.json(200, completionWithContent(null, "I can't help with that request.", "stop"));
            default -> Reply.json(400, error("Your request was rejected as a result of our safety system.",
                    "invalid_request_error", "content_policy_violation"));
        });

        ProviderJob.Failed failed = failed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).startsWith("refused by the provider's content policy");
        assertThat(stub.calls()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "this is not json",
            "{\"id\":\"chatcmpl-1\",\"choices\":[]}",
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Here is your copy: Acme Notes!\"},\"finish_reason\":\"stop\"}]}",
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"headline\\\":\\\"Acme\\\"}\"},\"finish_reason\":\"stop\"}]}"})
    void reportsAMalformedAnswerAsRetryableAfterTheAttempts(String body) {
        stub.then(Reply.json(200, body)).then(Reply.json(200, body));

        ProviderJob.Failed failed = failed(provider(2).submit(request("twitter/post_copy", List.of())));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).startsWith("the provider's answer was malformed: ").endsWith("(gave up after 2 attempts)");
        assertThat(stub.calls()).hasSize(2);
    }

    @Test
    void acceptsAGoodAnswerAfterAMalformedOne() {
        stub.then(Reply.json(200, "{\"choices\":[{\"message\":{\"content\":\"{\\\"text\\\": \\\"Acme\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":400,\"completion_tokens\":5}}"))
                .then(Reply.json(200, completion(Map.of("text", "Acme Notes is here."), "stop", 400, 20)));

        GeneratedMedia media = completed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(copyOf(media)).containsEntry("text", "Acme Notes is here.");
        assertThat(media.details()).containsEntry("prompt_tokens", 800L).containsEntry("completion_tokens", 25L);
    }

    @Test
    void retriesACallTheProviderDoesNotAnswerInTime() {
        stub.then(Reply.silence()).then(Reply.json(200, completion(Map.of("text", "Acme Notes is here."), "stop", 400, 20)));

        completed(impatientProvider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(stub.calls()).hasSize(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void reportsATimeoutAsRetryableWhenNoAttemptIsAnswered() {
        stub.then(Reply.silence()).then(Reply.silence());

        ProviderJob.Failed failed = failed(impatientProvider(2).submit(request("twitter/post_copy", List.of())));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).isEqualTo("the provider did not answer within 200 ms (gave up after 2 attempts)");
    }

    @Test
    void reportsARefusedConnectionAsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        OpenAiCompatibleTextProvider provider = provider(new OpenAiCompatibleConfig("openai",
                URI.create("http://127.0.0.1:" + closedPort + "/v1"), MODEL, () -> KEY, TIMEOUT, 2, BACKOFF_BASE, BACKOFF_CAP,
                OpenAiCompatibleConfig.DEFAULT_MAX_OUTPUT_TOKENS));

        ProviderJob.Failed failed = failed(provider.submit(request("twitter/post_copy", List.of())));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).startsWith("the connection to the provider failed (").endsWith("(gave up after 2 attempts)");
        assertThat(waits).hasSize(1);
    }

    @Test
    void usesTheCompleteFieldsOfAnAnswerCutAtTheTokenLimit() {
        stub.then(Reply.json(200, completionWithContent(
                "{\"text\": \"Acme Notes is here.\", \"ad_intro_text\": \"Meet Acme Notes.\", \"headline\": \"Acme Notes\", \"extra\": \"and th",
                null, "length")));

        GeneratedMedia media = completed(provider(3).submit(request("linkedin/post_copy", List.of())));

        assertThat(copyOf(media)).isEqualTo(Map.of("text", "Acme Notes is here.", "ad_intro_text", "Meet Acme Notes.",
                "headline", "Acme Notes"));
        assertThat(media.details()).containsEntry("finish_reason", "length");
    }

    @Test
    void failsWithoutRetryWhenTheTokenLimitCutARequiredField() {
        stub.then(Reply.json(200, completionWithContent("{\"text\": \"Acme Notes is here.\", \"ad_intro_text\": \"Meet Acme",
                null, "length")));

        ProviderJob.Failed failed = failed(provider(3).submit(request("linkedin/post_copy", List.of())));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).isEqualTo("the answer was cut off at the token limit (2000) before it held the field(s) "
                + "ad_intro_text, headline");
    }

    @Test
    void pricesTheAnswerFromItsTokensAndThePriceTable() {
        stub.then(Reply.json(200, completion(Map.of("text", "Acme Notes is here."), "stop", 1_200, 350)));

        GeneratedMedia media = completed(provider(3).submit(request("twitter/post_copy", List.of())));

        // gpt-4o-mini: 1,200 × $0.15 + 350 × $0.60 per million tokens
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.00039");
    }

    @Test
    void pricesAModelTheTableDoesNotNameWithTheUnknownModelRow() {
        stub.then(Reply.json(200, completion(Map.of("text", "Acme Notes is here."), "stop", 1_000, 500)));
        OpenAiCompatibleTextProvider provider = provider(config("local-llm", "llama-3.1-8b-instruct", () -> KEY, 3));

        GeneratedMedia media = completed(provider.submit(request("twitter/post_copy", List.of())));

        assertThat(media.reportedCostUsd()).isEqualByComparingTo(new BigDecimal("0.0015"));
        assertThat(media.provider()).isEqualTo("local-llm");
    }

    @Test
    void leavesTheCostToThePriceTableWhenTheAnswerReportsNoUsage() {
        stub.then(Reply.json(200, completionWithContent("{\"text\": \"Acme Notes is here.\"}", null, "stop")));

        GeneratedMedia media = completed(provider(3).submit(request("twitter/post_copy", List.of())));

        assertThat(media.reportedCostUsd()).isNull();
    }

    @Test
    void neverPutsTheKeyInAFailureReasonOrALogLine() {
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger(OpenAiCompatibleTextProvider.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            String echo = "Request with header Authorization: Bearer " + KEY + " failed";
            stub.then(Reply.json(500, error(echo, "server_error", null)))
                    .then(Reply.json(200, "{\"error\":{\"message\":\"" + echo + "\"}}"))
                    .then(Reply.json(403, error(echo, "invalid_request_error", null)));
            List<String> reasons = new ArrayList<>();
            reasons.add(failed(provider(3).submit(request("twitter/post_copy", List.of()))).reason());
            stub.then(Reply.json(401, error("Incorrect API key provided: " + KEY, "invalid_request_error", "invalid_api_key")));
            reasons.add(failed(provider(3).submit(request("twitter/post_copy", List.of()))).reason());

            SimpleFormatter formatter = new SimpleFormatter();
            List<String> lines = records.stream().map(formatter::formatMessage).toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(4).anySatisfy(line -> assertThat(line).contains(Redactor.MASK));
            assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains(Redactor.MASK));
            assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(KEY));
            assertThat(reasons).allSatisfy(reason -> assertThat(reason).doesNotContain(KEY));
            assertThat(config("openai", MODEL, () -> KEY, 3).toString()).doesNotContain(KEY);
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previousLevel);
        }
    }

    @Test
    void failsWithoutACallWhenTheKeyCannotBeRead() {
        ProviderJob.Failed unreadable = failed(provider(config("openai", MODEL, () -> {
            throw new IllegalStateException("parameter store unavailable");
        }, 3)).submit(request("twitter/post_copy", List.of())));
        ProviderJob.Failed missing = failed(provider(config("openai", MODEL, () -> " ", 3))
                .submit(request("twitter/post_copy", List.of())));

        assertThat(unreadable.retryable()).isTrue();
        assertThat(unreadable.reason()).isEqualTo("the API key for openai could not be read (IllegalStateException)");
        assertThat(missing.retryable()).isFalse();
        assertThat(missing.reason()).isEqualTo("no API key is configured for openai");
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void writesTextOnlyAndFinishesEveryJobOnSubmit() {
        OpenAiCompatibleTextProvider provider = provider(3);
        GenerationRequest imageRequest = new GenerationRequest("job-2", "asset-2", AssetType.IMAGE,
                ChannelCatalog.load().requirePlacement("instagram/feed_portrait"), "A visual", HOOK, CONCEPT, PRODUCT,
                List.of(), List.of(), "openai", MODEL, QualityTier.PREMIUM, null, null);

        assertThat(provider.supports(AssetType.TEXT)).isTrue();
        assertThat(provider.supports(AssetType.IMAGE)).isFalse();
        assertThat(failed(provider.submit(imageRequest)).retryable()).isFalse();
        assertThat(failed(provider.poll("job-2")).retryable()).isFalse();
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void defaultsToThirtySecondsThreeAttemptsAndBackoffFromHalfASecondToEight() {
        OpenAiCompatibleConfig config = OpenAiCompatibleConfig.of("openai", URI.create("https://api.openai.com/v1/"),
                MODEL, () -> KEY);

        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.backoffBase()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.backoffCap()).isEqualTo(Duration.ofSeconds(8));
        assertThat(config.chatCompletionsUri()).hasToString("https://api.openai.com/v1/chat/completions");
    }

    @Test
    void rejectsAnUnusableConfiguration() {
        assertThatThrownBy(() -> config("openai", MODEL, () -> KEY, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new OpenAiCompatibleConfig("openai", URI.create("ftp://example.com"), MODEL,
                () -> KEY, TIMEOUT, 3, BACKOFF_BASE, BACKOFF_CAP, 100)).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> new OpenAiCompatibleConfig("openai", stub.baseUrl(), MODEL, () -> KEY, TIMEOUT, 3,
                BACKOFF_CAP, BACKOFF_BASE, 100)).hasMessageContaining("backoffCap");
    }

    private OpenAiCompatibleTextProvider provider(int maxAttempts) {
        return provider(config("openai", MODEL, () -> KEY, maxAttempts));
    }

    private OpenAiCompatibleTextProvider impatientProvider(int maxAttempts) {
        return provider(new OpenAiCompatibleConfig("openai", stub.baseUrl(), MODEL, () -> KEY, SHORT_TIMEOUT, maxAttempts,
                BACKOFF_BASE, BACKOFF_CAP, OpenAiCompatibleConfig.DEFAULT_MAX_OUTPUT_TOKENS));
    }

    private OpenAiCompatibleTextProvider provider(OpenAiCompatibleConfig config) {
        return new OpenAiCompatibleTextProvider(config, PriceTable.load(), recordingSleeper,
                Clock.fixed(NOW, ZoneOffset.UTC), new Random(42));
    }

    private OpenAiCompatibleConfig config(String providerName, String model, Supplier<String> key, int maxAttempts) {
        return new OpenAiCompatibleConfig(providerName, stub.baseUrl(), model, key, TIMEOUT, maxAttempts, BACKOFF_BASE,
                BACKOFF_CAP, OpenAiCompatibleConfig.DEFAULT_MAX_OUTPUT_TOKENS);
    }

    private static GenerationRequest request(String placementKey, List<String> forbiddenPhrases) {
        Placement placement = ChannelCatalog.load().requirePlacement(placementKey);
        return new GenerationRequest("job-1", "asset-1", AssetType.TEXT, placement, "A launch post for Acme Notes", HOOK,
                CONCEPT, PRODUCT, List.of("#1F6FEB"), forbiddenPhrases, "openai", MODEL, QualityTier.PREMIUM, null, null);
    }

    private static String completion(Map<String, Object> copy, String finishReason, int promptTokens, int completionTokens) {
        try {
            ObjectNode body = (ObjectNode) Json.mapper().readTree(
                    completionWithContent(Json.mapper().writeValueAsString(copy), null, finishReason));
            body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            return Json.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String completionWithContent(String content, String refusal, String finishReason) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_764_000_000L).put("model", MODEL);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", content).put("refusal", refusal);
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String error(String message, String type, String code) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("error").put("message", message).put("type", type).put("code", code);
        return body.toString();
    }

    private static GeneratedMedia completed(ProviderJob job) {
        assertThat(job).isInstanceOf(ProviderJob.Completed.class);
        return ((ProviderJob.Completed) job).media();
    }

    private static ProviderJob.Failed failed(ProviderJob job) {
        assertThat(job).isInstanceOf(ProviderJob.Failed.class);
        return (ProviderJob.Failed) job;
    }

    private static Map<String, Object> copyOf(GeneratedMedia media) {
        try {
            return Json.mapper().readValue(media.textContent(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }
}
