package dev.pms.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

/**
 * The parts of a chat-completions answer this client reads: the first choice's content (or refusal) and finish
 * reason, and the billed tokens.
 */
record ChatAnswer(String content, String refusal, String finishReason, long promptTokens, long completionTokens,
                  boolean usageReported) {
    static final String FINISH_LENGTH = "length";
    static final String FINISH_CONTENT_FILTER = "content_filter";

    static ChatAnswer parse(String body) throws MalformedAnswerException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedAnswerException("the body is not a JSON object");
        }
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            ProviderError error = ProviderError.parse(body);
            throw new MalformedAnswerException("it holds no choices" + error.describe());
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        JsonNode usage = root.path("usage");
        return new ChatAnswer(
                textOrNull(message.path("content")),
                textOrNull(message.path("refusal")),
                textOrNull(choice.path("finish_reason")),
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0),
                usage.isObject());
    }

    boolean refused() {
        return FINISH_CONTENT_FILTER.equals(finishReason) || (refusal != null && !refusal.isBlank());
    }

    boolean cutAtTokenLimit() {
        return FINISH_LENGTH.equals(finishReason);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
