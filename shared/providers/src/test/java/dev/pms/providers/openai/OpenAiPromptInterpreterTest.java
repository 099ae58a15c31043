package dev.pms.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.personalization.IntelligentPromptRequest;
import dev.pms.core.personalization.IntelligentPromptService;
import dev.pms.core.personalization.Interpretation;
import dev.pms.core.personalization.LearningSettings;
import dev.pms.core.personalization.PersonalizationService;
import dev.pms.core.personalization.Signal;
import dev.pms.core.personalization.SignalLog;
import dev.pms.core.studio.StudioTemplates;
import dev.pms.providers.openai.ChatCompletionsStub.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The intelligent prompt's text-model reading, against the chat-completions stub. */
class OpenAiPromptInterpreterTest {
    private static final String KEY = "sk-test-5c1d0e9f7a2b4c6d8e0f1a3b5c7d9e1f";
    private ChatCompletionsStub stub;
    private OpenAiPromptInterpreter interpreter;

    @BeforeEach
    void start() throws IOException {
        stub = new ChatCompletionsStub();
        OpenAiCompatibleConfig config = new OpenAiCompatibleConfig("openai", stub.baseUrl(), "gpt-4o-mini", () -> KEY,
                Duration.ofSeconds(5), 2, Duration.ofMillis(10), Duration.ofMillis(20), 2_000);
        interpreter = new OpenAiPromptInterpreter(config, duration -> { }, Clock.systemUTC(), new Random(1));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void asksForAStrictJsonSchemaAnswerAndReadsIt() throws Exception {
        stub.then(Reply.json(200, completion("""
                {"product_name": "iPhone case", "product_description": "A protective case for an iPhone.",
                 "additional_context": "for my store", "asset_type": "image",
                 "fields": [{"field": "environment", "value": "studio", "evidence": "my store"},
                            {"field": "background_style", "value": "white", "evidence": "my store"}]}
                """)));

        Optional<Interpretation> reading = interpreter.interpret("iPhone case for my store", null);

        assertThat(reading).isPresent();
        assertThat(reading.get().engine()).isEqualTo("text_provider");
        assertThat(reading.get().productName()).isEqualTo("iPhone case");
        assertThat(reading.get().stated().get("environment").value()).isEqualTo("studio");
        assertThat(reading.get().stated().get("environment").cue()).isEqualTo("my store");
        JsonNode sent = Json.mapper().readTree(stub.calls().get(0).body());
        assertThat(sent.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(sent.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(sent.at("/response_format/json_schema/schema/required").toString()).contains("fields", "product_name");
        assertThat(sent.at("/messages/1/content").asText()).isEqualTo("iPhone case for my store");
        assertThat(stub.calls().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aTransientFailureIsRetriedOnce() {
        stub.then(Reply.json(503, "{\"error\":{\"message\":\"overloaded\"}}"))
                .then(Reply.json(200, completion("{\"product_name\": \"mug\", \"product_description\": null, "
                        + "\"additional_context\": null, \"asset_type\": null, \"fields\": []}")));

        assertThat(interpreter.interpret("mug", null)).hasValueSatisfying(r -> assertThat(r.productName()).isEqualTo("mug"));
        assertThat(stub.calls()).hasSize(2);
    }

    @Test
    void anAnswerOutsideTheSchemaOrARefusalOrAClientErrorIsNoReading() {
        stub.then(Reply.json(200, completion("{\"product_name\": \"mug\"}")));
        assertThat(interpreter.interpret("mug", null)).isEmpty();

        stub.then(Reply.json(200, "{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"no\"},"
                + "\"finish_reason\":\"stop\"}]}"));
        assertThat(interpreter.interpret("mug", null)).isEmpty();

        stub.then(Reply.json(401, "{\"error\":{\"message\":\"bad key " + KEY + "\"}}"));
        assertThat(interpreter.interpret("mug", null)).isEmpty();

        stub.then(Reply.json(500, "{}")).then(Reply.json(500, "{}"));
        assertThat(interpreter.interpret("mug", null)).isEmpty();
    }

    @Test
    void withoutAKeyNothingIsSent() {
        OpenAiCompatibleConfig keyless = OpenAiCompatibleConfig.of("openai", stub.baseUrl(), "gpt-4o-mini", () -> "");

        assertThat(new OpenAiPromptInterpreter(keyless).interpret("mug", null)).isEmpty();
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void theIntelligentPromptUsesTheCheckedReadingAndFallsBackToTheParser() {
        SignalLog nothingLearned = new SignalLog() {
            @Override
            public void append(String userId, List<Signal> signals, Instant expiresAt) {
            }

            @Override
            public List<Signal> recent(String userId, int limit) {
                return List.of();
            }

            @Override
            public int forget(String userId) {
                return 0;
            }
        };
        BrandProfileRepository noProfile = new BrandProfileRepository() {
            @Override
            public Optional<StoredBrandProfile> find(String userId) {
                return Optional.empty();
            }

            @Override
            public StoredBrandProfile save(String userId, BrandProfile profile, Long expectedVersion) {
                throw new UnsupportedOperationException();
            }
        };
        PersonalizationService personalization = new PersonalizationService(nothingLearned, noProfile,
                ChannelCatalog.load(), StudioTemplates.load(), LearningSettings.DEFAULTS, Clock.systemUTC());
        IntelligentPromptService service = new IntelligentPromptService(personalization, interpreter, StudioTemplates.load());
        stub.then(Reply.json(200, completion("""
                {"product_name": "gold watch", "product_description": "A gold wristwatch.", "additional_context": null,
                 "asset_type": "image", "fields": [{"field": "lighting", "value": "dramatic", "evidence": "moody"},
                 {"field": "environment", "value": "luxury", "evidence": "on marble"}]}
                """)));

        IntelligentPromptService.Body read = service.infer("alice", new IntelligentPromptRequest("gold watch on marble", null));

        assertThat(read.engine()).isEqualTo("text_provider");
        assertThat(read.configuration()).containsEntry("environment", "luxury")
                .containsEntry("product_description", "A gold wristwatch.");
        assertThat(read.fieldSources().get("lighting").source()).as("'moody' is not in the request").isNotEqualTo("input");

        stub.then(Reply.json(200, completion("not json")));
        assertThat(service.infer("alice", new IntelligentPromptRequest("gold watch on marble", null)).engine())
                .isEqualTo("offline_parser");
    }

    private static String completion(String content) {
        return Json.write(Json.mapper().createObjectNode()
                .set("choices", Json.mapper().createArrayNode().add(Json.mapper().createObjectNode()
                        .put("finish_reason", "stop")
                        .set("message", Json.mapper().createObjectNode().put("role", "assistant").put("content", content)))));
    }
}
