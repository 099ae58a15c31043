package dev.pms.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.channel.Hashtags;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.TextField;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.json.Json;
import dev.pms.providers.offline.OfflineCopywriter;

import java.util.List;
import java.util.stream.Collectors;

/** The chat-completions request body for one copy job: the rules as the system message, the brief as the user message. */
final class ChatPrompt {
    static final double TEMPERATURE = 0.7;

    private ChatPrompt() {
    }

    static String body(GenerationRequest request, String model, int maxOutputTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemMessage(request));
        messages.addObject().put("role", "user").put("content", userMessage(request));
        body.put("temperature", TEMPERATURE);
        // max_tokens rather than max_completion_tokens: every OpenAI-compatible server reads it.
        body.put("max_tokens", maxOutputTokens);
        body.putObject("response_format").put("type", "json_object");
        return write(body);
    }

    /** JSON mode requires the word JSON in the messages; this message names it and every field's limits. */
    static String systemMessage(GenerationRequest request) {
        Placement placement = request.placement();
        List<TextField> fields = OfflineCopywriter.fieldsOf(placement);
        StringBuilder text = new StringBuilder();
        text.append("You are a senior copywriter. Write launch copy for ")
                .append(placement == null ? "a generic text placement" : "the placement " + placement.key())
                .append(".\nAnswer with one JSON object and nothing else. Its keys are exactly: ")
                .append(fields.stream().map(f -> "\"" + f.name() + "\"").collect(Collectors.joining(", ")))
                .append(".\n");
        for (TextField field : fields) {
            text.append("- \"").append(field.name()).append("\": ").append(describe(field)).append('\n');
        }
        Hashtags hashtags = placement == null ? null : placement.hashtags();
        if (hashtags == null) {
            text.append("Use no hashtags.\n");
        } else {
            text.append("Use at most ").append(hashtags.max()).append(" hashtags in all (").append(hashtags.recommended())
                    .append(" is best), at the end of the longest field.\n");
        }
        if (!request.forbiddenPhrases().isEmpty()) {
            text.append("The brand forbids these phrases; never use them, in any letter case: ")
                    .append(request.forbiddenPhrases().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", ")))
                    .append(".\n");
        }
        text.append("Stay with the facts given; invent no prices, numbers, claims or placeholders. "
                + "Every limit is a hard limit; text beyond it is cut.");
        return text.toString();
    }

    static String userMessage(GenerationRequest request) {
        StringBuilder text = new StringBuilder();
        appendLine(text, "Brief", request.prompt());
        appendLine(text, "Hook", request.hook());
        appendLine(text, "Concept", request.conceptSummary());
        if (!request.productContext().isEmpty()) {
            text.append("Product facts (JSON): ").append(write(Json.mapper().valueToTree(request.productContext()))).append('\n');
        }
        return text.toString().strip();
    }

    private static String describe(TextField field) {
        StringBuilder text = new StringBuilder();
        if (field.countMax() != null) {
            int min = field.countMin() == null ? 1 : field.countMin();
            text.append("an array of ").append(min).append(" to ").append(field.countMax()).append(" distinct strings, each");
        } else {
            text.append("a string");
        }
        if (field.maxChars() != null) {
            text.append(" of at most ").append(field.maxChars()).append(" characters");
        }
        if (field.minChars() != null) {
            text.append(field.maxChars() == null ? " of" : " and").append(" at least ").append(field.minChars()).append(" characters");
        }
        if (field.warnChars() != null) {
            text.append("; best within ").append(field.warnChars()).append(" characters");
        }
        if (field.visibleChars() != null) {
            text.append("; only the first ").append(field.visibleChars()).append(" characters show before truncation, so lead with the hook");
        }
        return text.append('.').toString();
    }

    private static void appendLine(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append(label).append(": ").append(value.strip()).append('\n');
        }
    }

    private static String write(Object tree) {
        try {
            return Json.mapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
