package dev.pms.providers.openai;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.PriceUnit;
import dev.pms.providers.http.Backoff;
import dev.pms.providers.http.Redactor;
import dev.pms.providers.http.Sleeper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Copy from an OpenAI-compatible chat-completions service, in the offline copywriter's format (a JSON object of
 * field name to value or values). The model is asked for exactly the placement's fields; its answer is then made to
 * fit the placement whatever it wrote. Jobs finish inside {@link #submit}: transient failures (429, 5xx, timeouts,
 * malformed answers) are retried with backoff up to the configured attempts, then reported as retryable; other
 * 4xx answers and content-policy refusals are reported at once as not retryable. A {@code Retry-After} longer than
 * the backoff cap also ends the attempts at once (retryable), so that the queue retries later instead of a function
 * waiting. The provider name and model are the configured ones, whichever model the request names.
 * <p>
 * The API key is read from the configured supplier for each job and never appears in a log line or failure reason.
 */
public final class OpenAiCompatibleTextProvider implements MediaProvider {
    private static final System.Logger LOG = System.getLogger(OpenAiCompatibleTextProvider.class.getName());
    static final String REFUSED = "refused by the provider's content policy";
    static final String MALFORMED = CopyWriting.MALFORMED;

    private final OpenAiCompatibleConfig config;
    private final HttpClient http;
    private final PriceTable prices;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final CopyWriting copyWriting = new CopyWriting();
    private final AtomicLong httpCalls = new AtomicLong();

    /** Production wiring: the suite's price table, real waits, the system clock. */
    public OpenAiCompatibleTextProvider(OpenAiCompatibleConfig config) {
        this(config, PriceTable.load(), Sleeper.real(), Clock.systemUTC(), new Random());
    }

    /** {@code random} draws the backoff jitter; {@code clock} reads {@code Retry-After} dates. */
    public OpenAiCompatibleTextProvider(OpenAiCompatibleConfig config, PriceTable prices, Sleeper sleeper, Clock clock,
                                        RandomGenerator random) {
        this.config = config;
        this.prices = prices;
        this.sleeper = sleeper;
        this.backoff = new Backoff(config.backoffBase(), config.backoffCap(), random, clock);
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    @Override
    public String name() {
        return config.providerName();
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.TEXT;
    }

    /** HTTP requests this provider has sent since it was made, every attempt included. */
    public long httpCalls() {
        return httpCalls.get();
    }

    @Override
    public ProviderJob poll(String handle) {
        return new ProviderJob.Failed(name() + " copy jobs finish on submit; there is no pending job '" + handle + "'", false);
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        if (request.assetType() != AssetType.TEXT) {
            return new ProviderJob.Failed(name() + " writes copy only, not " + request.assetType() + " assets", false);
        }
        String key;
        try {
            key = config.apiKey().get();
        } catch (RuntimeException e) {
            return new ProviderJob.Failed("the API key for " + name() + " could not be read (" + e.getClass().getSimpleName() + ")", true);
        }
        if (key == null || key.isBlank()) {
            return new ProviderJob.Failed("no API key is configured for " + name(), false);
        }
        return new Job(request, new Redactor(key)).run();
    }

    /** One submit: its attempts, the tokens billed over all of them, and the key to keep out of every message. */
    private final class Job {
        private final GenerationRequest request;
        private final Redactor redactor;
        private final HttpRequest call;
        private long promptTokens;
        private long completionTokens;
        private boolean usageReported;
        private int calls;

        Job(GenerationRequest request, Redactor redactor) {
            this.request = request;
            this.redactor = redactor;
            this.call = HttpRequest.newBuilder(config.chatCompletionsUri())
                    .timeout(config.requestTimeout())
                    .header("Authorization", "Bearer " + redactor.secret())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            ChatPrompt.body(request, config.model(), config.maxOutputTokens()), StandardCharsets.UTF_8))
                    .build();
        }

        ProviderJob run() {
            for (int attempt = 1; ; attempt++) {
                Attempt outcome = attempt();
                if (outcome instanceof Attempt.Finished finished) {
                    return finished.job();
                }
                Attempt.Transient failure = (Attempt.Transient) outcome;
                if (attempt == config.maxAttempts()) {
                    return failed(failure.reason() + " (gave up after " + attempt + " attempts)", true);
                }
                Optional<Duration> asked = failure.retryAfter();
                if (asked.isPresent() && asked.get().compareTo(backoff.cap()) > 0) {
                    return failed(failure.reason() + "; the provider asked to wait " + asked.get().toSeconds()
                            + " s, longer than the " + backoff.cap().toSeconds() + " s this client waits", true);
                }
                int failedAttempts = attempt;
                Duration wait = asked.orElseGet(() -> backoff.after(failedAttempts));
                LOG.log(System.Logger.Level.INFO, "{0} job {1}: attempt {2} of {3} failed ({4}); retrying in {5} ms",
                        name(), request.jobId(), attempt, config.maxAttempts(), redactor.redact(failure.reason()),
                        wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failed("interrupted while waiting to retry after: " + failure.reason(), true);
                }
            }
        }

        private Attempt attempt() {
            HttpResponse<String> response;
            calls++;
            httpCalls.incrementAndGet();
            try {
                response = http.send(call, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                return new Attempt.Transient("the provider did not answer within " + config.requestTimeout().toMillis() + " ms",
                        Optional.empty());
            } catch (IOException e) {
                return new Attempt.Transient("the connection to the provider failed (" + e.getClass().getSimpleName() + ")",
                        Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Attempt.Finished(failed("interrupted while waiting for the provider", true));
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return answered(response.body());
            }
            ProviderError error = ProviderError.parse(response.body());
            Optional<Duration> retryAfter = backoff.retryAfter(response.headers().firstValue("Retry-After"));
            if (error.contentPolicy()) {
                return new Attempt.Finished(failed(REFUSED + " (HTTP " + status + ")" + error.describe(), false));
            }
            if (status == 429 && "insufficient_quota".equals(error.code())) {
                return new Attempt.Finished(failed("the provider account has no quota left (HTTP 429)" + error.describe(), false));
            }
            if (status == 429) {
                return new Attempt.Transient("rate limited by the provider (HTTP 429)" + error.describe(), retryAfter);
            }
            if (status >= 500) {
                return new Attempt.Transient("the provider failed (HTTP " + status + ")" + error.describe(), retryAfter);
            }
            return new Attempt.Finished(failed(switch (status) {
                case 401 -> "the API key was rejected (HTTP 401)";
                case 403 -> "the API key may not use model '" + config.model() + "' (HTTP 403)" + error.describe();
                case 404 -> "the model '" + config.model() + "' or the endpoint was not found (HTTP 404)" + error.describe();
                case 400 -> "the provider rejected the request as invalid (HTTP 400)" + error.describe();
                default -> "the provider refused the request (HTTP " + status + ")" + error.describe();
            }, false));
        }

        private Attempt answered(String body) {
            ChatAnswer answer;
            try {
                answer = ChatAnswer.parse(body);
            } catch (MalformedAnswerException e) {
                return new Attempt.Transient(MALFORMED + ": " + e.getMessage(), Optional.empty());
            }
            promptTokens += answer.promptTokens();
            completionTokens += answer.completionTokens();
            usageReported |= answer.usageReported();
            if (answer.refused()) {
                String said = answer.refusal() == null ? "finish reason " + answer.finishReason() : answer.refusal();
                return new Attempt.Finished(failed(REFUSED + ": " + said, false));
            }
            CopyWriting.Outcome copy = copyWriting.read(request, answer.content(), answer.cutAtTokenLimit(),
                    config.maxOutputTokens());
            if (copy instanceof CopyWriting.Outcome.Malformed malformed) {
                return new Attempt.Transient(malformed.reason(), Optional.empty());
            }
            if (copy instanceof CopyWriting.Outcome.Cut cut) {
                return new Attempt.Finished(failed(cut.reason(), false));
            }
            return new Attempt.Finished(completed((CopyWriting.Outcome.Written) copy, answer.finishReason()));
        }

        private ProviderJob completed(CopyWriting.Outcome.Written written, String finishReason) {
            Map<String, Object> details = new HashMap<>(written.details());
            details.put("finish_reason", finishReason == null ? "unknown" : finishReason);
            details.put("prompt_tokens", promptTokens);
            details.put("completion_tokens", completionTokens);
            details.put("http_calls", calls);
            BigDecimal cost = usageReported ? cost(promptTokens, completionTokens) : null;
            LOG.log(System.Logger.Level.DEBUG, "{0} job {1}: copy written, {2} prompt + {3} completion tokens",
                    name(), request.jobId(), promptTokens, completionTokens);
            return new ProviderJob.Completed(new GeneratedMedia(written.json().getBytes(StandardCharsets.UTF_8),
                    "application/json", written.json(), null, null, null, name(), config.model(), cost, details));
        }

        private ProviderJob.Failed failed(String reason, boolean retryable) {
            String safeReason = redactor.redact(reason);
            LOG.log(System.Logger.Level.WARNING, "{0} job {1} failed{2}: {3}", name(), request.jobId(),
                    retryable ? " (retryable)" : "", safeReason);
            return new ProviderJob.Failed(safeReason, retryable);
        }
    }

    /** Tokens × the price table's per-million prices for this provider and model (the {@code *} row if unnamed). */
    BigDecimal cost(long promptTokens, long completionTokens) {
        BigDecimal input = prices.unitPrice(name(), config.model(), PriceUnit.MILLION_INPUT_TOKENS);
        BigDecimal output = prices.unitPrice(name(), config.model(), PriceUnit.MILLION_OUTPUT_TOKENS);
        return BigDecimal.valueOf(promptTokens).multiply(input)
                .add(BigDecimal.valueOf(completionTokens).multiply(output))
                .movePointLeft(6)
                .stripTrailingZeros();
    }

    /** How one HTTP attempt ended: with the job's result, or with a transient failure worth another attempt. */
    private sealed interface Attempt {
        record Finished(ProviderJob job) implements Attempt {
        }

        record Transient(String reason, Optional<Duration> retryAfter) implements Attempt {
        }
    }
}
