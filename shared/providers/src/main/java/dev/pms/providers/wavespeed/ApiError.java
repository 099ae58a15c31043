package dev.pms.providers.wavespeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The message of a refused call or failed prediction: WaveSpeed answers {@code {"code", "message"}} for a refused
 * call and {@code data.error} for a failed prediction; other shapes give what text they have.
 */
record ApiError(String message) {
    private static final int MAX_MESSAGE_CHARS = 300;
    private static final Pattern CONTENT_POLICY = Pattern.compile(
            "nsfw|content[ _-]?(policy|moderation|filter|safety)|policy[ _-]?violation|usage polic"
                    + "|sensitive (content|material|words?|image)|moderation|inappropriate|prohibited content"
                    + "|safety[ _-]?(check|filter|system)|unsafe content|flagged (as|for) (nsfw|unsafe|inappropriate)",
            Pattern.CASE_INSENSITIVE);

    static ApiError fromBody(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            return new ApiError("");
        }
        try {
            return fromJson(mapper.readTree(body));
        } catch (IOException | RuntimeException e) {
            return of(new String(body, StandardCharsets.UTF_8));
        }
    }

    static ApiError fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new ApiError("");
        }
        for (JsonNode candidate : new JsonNode[] {root.path("data").path("error"), root.path("error"),
                root.path("error").path("message"), root.path("message"), root.path("msg")}) {
            if (candidate.isTextual() && !candidate.asText().isBlank()
                    && !"success".equalsIgnoreCase(candidate.asText().strip())) {
                return of(candidate.asText());
            }
        }
        return new ApiError("");
    }

    static ApiError of(String text) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return new ApiError(oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine
                : oneLine.substring(0, MAX_MESSAGE_CHARS) + "…");
    }

    boolean contentPolicy() {
        return CONTENT_POLICY.matcher(message).find();
    }

    /** ": message" for appending to a reason, or nothing when WaveSpeed gave no message. */
    String describe() {
        return message.isBlank() ? "" : ": " + message;
    }
}
