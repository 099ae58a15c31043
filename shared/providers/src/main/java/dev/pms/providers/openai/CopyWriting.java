package dev.pms.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.TextField;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.json.Json;
import dev.pms.core.prompt.ForbiddenPhrases;
import dev.pms.providers.offline.OfflineCopywriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every chat model that writes copy shares, whatever its protocol: the rules and brief it is asked with, and
 * reading its answer into copy that fits the placement (the offline copywriter completes what it left out).
 */
public final class CopyWriting {
    public static final String MALFORMED = "the provider's answer was malformed";

    private final OfflineCopywriter offlineCopywriter = new OfflineCopywriter();

    /** How a model's answer reads as copy. */
    public sealed interface Outcome {
        /** The fitted copy as JSON, and what was done to it (placement, fields, adjusted and offline-completed). */
        record Written(String json, Map<String, Object> details) implements Outcome {
        }

        /** Unusable this time, worth asking again. */
        record Malformed(String reason) implements Outcome {
        }

        /** Unusable, and asking again the same way would not help. */
        record Cut(String reason) implements Outcome {
        }
    }

    /** The rules (fields, limits, hashtags, forbidden phrases), asking for one JSON object. */
    public static String systemMessage(GenerationRequest request) {
        return ChatPrompt.systemMessage(request);
    }

    /** The brief, hook, concept and product facts. */
    public static String userMessage(GenerationRequest request) {
        return ChatPrompt.userMessage(request);
    }

    /**
     * Reads the model's {@code content}; {@code cutAtTokenLimit} says it stopped at {@code maxOutputTokens}, in which
     * case the complete fields it wrote are kept.
     */
    public Outcome read(GenerationRequest request, String content, boolean cutAtTokenLimit, int maxOutputTokens) {
        List<TextField> fields = OfflineCopywriter.fieldsOf(request.placement());
        Map<String, List<String>> written;
        try {
            written = CopyAnswer.forFields(CopyAnswer.read(content, cutAtTokenLimit),
                    fields.stream().map(TextField::name).toList());
        } catch (MalformedAnswerException e) {
            return new Outcome.Malformed(MALFORMED + ": " + e.getMessage());
        }
        List<String> missing = fields.stream()
                .filter(field -> field.countMin() == null || field.countMin() > 0)
                .map(TextField::name)
                .filter(name -> !written.containsKey(name))
                .toList();
        if (!missing.isEmpty() && cutAtTokenLimit) {
            return new Outcome.Cut("the answer was cut off at the token limit (" + maxOutputTokens
                    + ") before it held the field(s) " + String.join(", ", missing));
        }
        if (!missing.isEmpty()) {
            return new Outcome.Malformed(MALFORMED + ": the copy lacks the field(s) " + String.join(", ", missing));
        }
        return fitted(request, written);
    }

    private Outcome fitted(GenerationRequest request, Map<String, List<String>> written) {
        Placement placement = request.placement();
        CopyFitter fitter = new CopyFitter(OfflineCopywriter.fieldsOf(placement),
                placement == null ? null : placement.hashtags(),
                new ForbiddenPhrases(request.forbiddenPhrases()),
                memoized(() -> offlineCopywriter.write(request)));
        CopyFitter.FittedCopy fitted = fitter.fit(written);
        String json;
        try {
            json = Json.mapper().writeValueAsString(fitted.copy());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("copy of strings and lists always serialises", e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("placement", placement == null ? "none" : placement.key());
        details.put("fields", fitted.copy().size());
        details.put("adjusted_fields", fitted.adjustedFields());
        details.put("completed_offline_fields", fitted.completedOffline());
        return new Outcome.Written(json, details);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
