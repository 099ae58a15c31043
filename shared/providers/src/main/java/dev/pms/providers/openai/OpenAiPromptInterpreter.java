package dev.pms.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.json.Json;
import dev.pms.core.personalization.FormType;
import dev.pms.core.personalization.Interpretation;
import dev.pms.core.personalization.PromptInterpreter;
import dev.pms.core.personalization.StudioChoices;
import dev.pms.providers.http.Backoff;
import dev.pms.providers.http.Redactor;
import dev.pms.providers.http.Sleeper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The intelligent prompt's reading by an OpenAI-compatible chat model, asked for a JSON-schema answer (structured
 * outputs, strict): the product's name, a one-sentence description, the rest of the request, the asset type, and each
 * studio field the words state, with the exact words it was read from. Anything that goes wrong (no key, refusal,
 * HTTP failure after the configured attempts, an answer not in the schema's shape) is an empty result, and the caller
 * reads the request offline; the caller also checks every value against the studio's choices and the quoted words
 * against the request. The API key never appears in a log line.
 */
public final class OpenAiPromptInterpreter implements PromptInterpreter {
    private static final System.Logger LOG = System.getLogger(OpenAiPromptInterpreter.class.getName());
    public static final String ENGINE = "text_provider";
    static final String SCHEMA_NAME = "studio_configuration";
    static final double TEMPERATURE = 0;

    private final OpenAiCompatibleConfig config;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Backoff backoff;

    public OpenAiPromptInterpreter(OpenAiCompatibleConfig config) {
        this(config, Sleeper.real(), Clock.systemUTC(), new Random());
    }

    public OpenAiPromptInterpreter(OpenAiCompatibleConfig config, Sleeper sleeper, Clock clock, RandomGenerator random) {
        this.config = config;
        this.sleeper = sleeper;
        this.backoff = new Backoff(config.backoffBase(), config.backoffCap(), random, clock);
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    @Override
    public Optional<Interpretation> interpret(String userInput, String assetType) {
        String key;
        try {
            key = config.apiKey().get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "intelligent prompt: the API key for {0} could not be read ({1}); "
                    + "reading offline", config.providerName(), e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        Redactor redactor = new Redactor(key);
        HttpRequest call = HttpRequest.newBuilder(config.chatCompletionsUri())
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(userInput, assetType), StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            String failure;
            try {
                HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return answer(response.body(), redactor);
                }
                failure = "HTTP " + status + ProviderError.parse(response.body()).describe();
                if (status != 429 && status < 500) {
                    LOG.log(System.Logger.Level.WARNING, "intelligent prompt: {0} refused the request ({1}); reading "
                            + "offline", config.providerName(), redactor.redact(failure));
                    return Optional.empty();
                }
            } catch (IOException e) {
                failure = "no answer (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (attempt < config.maxAttempts() && !pause(attempt)) {
                return Optional.empty();
            }
            LOG.log(System.Logger.Level.INFO, "intelligent prompt: attempt {0} of {1} at {2} failed: {3}", attempt,
                    config.maxAttempts(), config.providerName(), redactor.redact(failure));
        }
        return Optional.empty();
    }

    private boolean pause(int failedAttempts) {
        try {
            sleeper.sleep(backoff.after(failedAttempts));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<Interpretation> answer(String body, Redactor redactor) {
        try {
            ChatAnswer answer = ChatAnswer.parse(body);
            if (answer.refused() || answer.content() == null) {
                LOG.log(System.Logger.Level.WARNING, "intelligent prompt: {0} gave no answer (finish reason {1}); "
                        + "reading offline", config.providerName(), answer.finishReason());
                return Optional.empty();
            }
            return Optional.of(read(Json.mapper().readTree(answer.content())));
        } catch (MalformedAnswerException | JsonProcessingException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "intelligent prompt: the answer of {0} is not in the schema''s shape "
                    + "({1}); reading offline", config.providerName(), redactor.redact(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    /** The answer as an interpretation; a shape the schema does not allow is an IllegalArgumentException. */
    static Interpretation read(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("fields").isArray()) {
            throw new IllegalArgumentException("the answer is not an object with a fields array");
        }
        Map<String, Interpretation.Stated> stated = new LinkedHashMap<>();
        for (JsonNode field : root.get("fields")) {
            String name = text(field, "field");
            String value = text(field, "value");
            String evidence = text(field, "evidence");
            if (name == null || value == null) {
                throw new IllegalArgumentException("a field lacks its name or value");
            }
            stated.putIfAbsent(name, new Interpretation.Stated(value, 1.0, evidence));
        }
        return new Interpretation(ENGINE, text(root, "product_name"), text(root, "product_description"),
                text(root, "additional_context"), text(root, "asset_type"), stated, List.of(), List.of());
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    String body(String userInput, String assetType) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", config.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemMessage(assetType));
        messages.addObject().put("role", "user").put("content", userInput);
        body.put("temperature", TEMPERATURE);
        body.put("max_tokens", Math.min(config.maxOutputTokens(), 600));
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode jsonSchema = format.putObject("json_schema");
        jsonSchema.put("name", SCHEMA_NAME);
        jsonSchema.put("strict", true);
        jsonSchema.set("schema", schema());
        return Json.write(body);
    }

    /** The answer's JSON schema, in the strict subset: every property required, null where nothing is stated. */
    static ObjectNode schema() {
        ObjectNode schema = Json.mapper().createObjectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        for (String name : List.of("product_name", "product_description", "additional_context")) {
            properties.putObject(name).putArray("type").add("string").add("null");
        }
        ObjectNode assetType = properties.putObject("asset_type");
        assetType.putArray("type").add("string").add("null");
        ArrayNode types = assetType.putArray("enum");
        StudioChoices.ASSET_TYPES.forEach(types::add);
        types.addNull();
        ObjectNode item = properties.putObject("fields").put("type", "array").putObject("items")
                .put("type", "object").put("additionalProperties", false);
        ObjectNode itemProperties = item.putObject("properties");
        ArrayNode names = itemProperties.putObject("field").put("type", "string").putArray("enum");
        fieldNames().forEach(names::add);
        itemProperties.putObject("value").put("type", "string");
        itemProperties.putObject("evidence").put("type", "string");
        item.putArray("required").add("field").add("value").add("evidence");
        ArrayNode required = schema.putArray("required");
        List.of("product_name", "product_description", "additional_context", "asset_type", "fields")
                .forEach(required::add);
        return schema;
    }

    private static Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        for (FormType form : FormType.values()) {
            names.addAll(StudioChoices.of(form).keySet());
        }
        return names;
    }

    static String systemMessage(String assetType) {
        StringBuilder text = new StringBuilder("You read a short request for a product marketing asset and answer "
                + "with JSON in the given schema. product_name: the product exactly as the user wrote it (null if none). "
                + "product_description: one plain sentence describing the product from the request, inventing no "
                + "facts. additional_context: the rest of the request (where it is for, what to add), copied, or null. "
                + "asset_type: image, video, animation or avatar when the request says, else null. fields: only the "
                + "settings the request states or clearly implies, each with value from its allowed list and evidence: "
                + "the exact words copied from the request that support it. Leave out every setting the request does not "
                + "support.\nAllowed values:\n");
        List<FormType> forms = new ArrayList<>();
        for (FormType form : FormType.values()) {
            if (form.studio() && (assetType == null || StudioChoices.formFor(assetType) == form)) {
                forms.add(form);
            }
        }
        for (FormType form : forms) {
            text.append("- ").append(form.code()).append(": ");
            List<String> fields = new ArrayList<>();
            StudioChoices.of(form).forEach((field, values) -> fields.add(field + " " + values));
            text.append(String.join("; ", fields)).append('\n');
        }
        if (assetType != null) {
            text.append("The user asked for an asset of type ").append(assetType).append(".\n");
        }
        return text.toString().strip();
    }
}
