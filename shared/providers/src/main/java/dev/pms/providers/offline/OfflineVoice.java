package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A real WAV voice-over of the request's script (or one built from hook, concept and product name), spoken by an
 * offline engine (FreeTTS {@code kevin16} by default). When the engine fails, the asset is a tone-and-silence track
 * of the script's length whose {@code details.engine} says {@value ToneTrack#ENGINE}.
 */
public final class OfflineVoice implements MediaProvider {
    public static final String MODEL = "offline-freetts-kevin16";
    public static final String FALLBACK_MODEL = "offline-tone-fallback-1";

    private final SpeechSynthesizer synthesizer;

    public OfflineVoice() {
        this(new FreeTtsSynthesizer());
    }

    public OfflineVoice(SpeechSynthesizer synthesizer) {
        this.synthesizer = synthesizer;
    }

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.AUDIO;
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        String script = script(request);
        Map<String, Object> details = new LinkedHashMap<>();
        SpeechAudio audio;
        String model;
        try {
            audio = synthesizer.speak(script);
            model = MODEL;
            details.put("engine", synthesizer.engine());
        } catch (RuntimeException | LinkageError e) {
            audio = ToneTrack.forScript(script);
            model = FALLBACK_MODEL;
            details.put("engine", ToneTrack.ENGINE);
            details.put("fallback_reason", e.getClass().getSimpleName() + ": " + Objects.toString(e.getMessage(), ""));
        }
        details.put("script_chars", script.length());
        details.put("sample_rate", (int) audio.format().getSampleRate());
        return new ProviderJob.Completed(new GeneratedMedia(wav(audio), "audio/wav", script, null, null,
                audio.durationSeconds(), OfflineProviders.NAME, model, BigDecimal.ZERO, details));
    }

    @Override
    public ProviderJob poll(String handle) {
        return OfflineProviders.noPendingJobs(handle);
    }

    /** The request's script, else hook, concept summary and product name as spoken sentences. */
    static String script(GenerationRequest request) {
        String given = Objects.toString(request.script(), "").strip();
        if (!given.isEmpty()) {
            return given;
        }
        StringBuilder script = new StringBuilder();
        appendSentence(script, request.hook());
        appendSentence(script, request.conceptSummary());
        ProductFacts facts = ProductFacts.from(request.productContext());
        appendSentence(script, facts.hasName() ? "Meet " + facts.name() : "");
        return script.length() == 0 ? "Thanks for listening." : script.toString();
    }

    private static void appendSentence(StringBuilder script, String text) {
        String sentence = WordFit.asSentence(Objects.toString(text, "").strip().replaceAll("\\s+", " "));
        if (!sentence.isEmpty()) {
            script.append(script.length() == 0 ? "" : " ").append(sentence);
        }
    }

    static byte[] wav(SpeechAudio audio) {
        long frames = audio.pcm().length / audio.format().getFrameSize();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(audio.pcm()), audio.format(), frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a WAV to memory failed", e);
        }
        return out.toByteArray();
    }
}
