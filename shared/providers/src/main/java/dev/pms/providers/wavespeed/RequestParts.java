package dev.pms.providers.wavespeed;

import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.VideoLimits;
import dev.pms.core.generation.GenerationRequest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The parts of a generation request WaveSpeed's bodies are built from. */
final class RequestParts {

    private RequestParts() {
    }

    static Canvas canvasOf(GenerationRequest request) {
        return request.placement() == null ? null : request.placement().canvas();
    }

    static VideoLimits videoLimitsOf(GenerationRequest request) {
        return request.placement() == null ? null : request.placement().video();
    }

    static String scriptOf(GenerationRequest request) {
        return Stream.of(request.script(), request.hook(), request.conceptSummary())
                .filter(text -> text != null && !text.isBlank())
                .map(String::strip)
                .findFirst().orElse("");
    }

    /**
     * The prompt sent: a studio asset's is the studio's own, built whole by the core (brand colours included); a
     * campaign asset's is the proposal's, with the brand colours added.
     */
    static String promptOf(GenerationRequest request) {
        if (request.isStudio() && request.prompt() != null && !request.prompt().isBlank()) {
            return request.prompt().strip();
        }
        String prompt = Stream.of(request.prompt(), request.hook(), request.conceptSummary())
                .filter(text -> text != null && !text.isBlank())
                .map(String::strip)
                .findFirst().orElse("A product marketing visual");
        List<String> palette = request.brandPalette();
        return palette.isEmpty() ? prompt : prompt + " Brand colours: " + String.join(", ", palette) + ".";
    }

    /**
     * The brand's forbidden phrases as WAN's negative prompt (what must not appear), whole phrases only, within the
     * 500 characters WAN reads of it; empty when the brand forbids nothing.
     */
    static Optional<String> negativePrompt(GenerationRequest request) {
        StringBuilder text = new StringBuilder();
        for (String phrase : request.forbiddenPhrases()) {
            String clean = phrase == null ? "" : phrase.strip();
            if (clean.isEmpty() || text.length() + clean.length() + 2 > WaveSpeedProvider.WAN_NEGATIVE_PROMPT_MAX_CHARS) {
                continue;
            }
            text.append(text.length() == 0 ? "" : ", ").append(clean);
        }
        return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
    }

    static boolean isImage(byte[] bytes) {
        return bytes != null && MediaProbe.sniff(bytes).filter(mime -> mime.startsWith("image/")).isPresent();
    }
}
