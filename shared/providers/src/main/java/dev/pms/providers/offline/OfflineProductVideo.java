package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;

import dev.pms.core.prompt.ForbiddenPhrases;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The studio's text-to-video offline: the brief's scenes (else lines from the product's facts and a call to action)
 * as animated slides in the brand palette with the product drawn as in a photoshoot (or the user's photo), each scene's
 * narration spoken offline and muxed as Opus, the clip exactly as long as asked. Scenes last in proportion to their
 * narration; each narration starts with its scene. A voice longer than the clip is cut with a short fade. Each scene
 * animates in for {@value #ENTRANCE_SECONDS} s at the clip's frame rate, then holds with a slow drift at
 * {@value #HOLD_FPS} frames a second, which keeps encoding cheap.
 */
public final class OfflineProductVideo implements MediaProvider {
    public static final String MODEL = "offline-product-video-1";
    static final double ENTRANCE_SECONDS = 0.6;
    static final int HOLD_FPS = 4;
    static final double FADE_SECONDS = 0.25;

    private final SpeechSynthesizer voice;

    public OfflineProductVideo(SpeechSynthesizer voice) {
        this.voice = voice;
    }

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.VIDEO;
    }

    @Override
    public ProviderJob poll(String handle) {
        return OfflineProviders.noPendingJobs(handle);
    }

    /** A scene as shown: its words on screen and the words spoken (its on-screen words when it has no narration). */
    record Shown(String purpose, String text, String spoken) {
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        StudioBrief brief = request.studio();
        ScenePainter.Treatment treatment = ScenePainter.Treatment.of(brief.preset());
        List<Shown> scenes = scenes(request);
        StudioClip clip = StudioClip.of(request.placement(), brief.durationSeconds() > 0 ? brief.durationSeconds() : 10);
        Narration narration = Narration.speak(scenes.stream().map(Shown::spoken).toList(), voice);
        PcmSamples spoken = PcmSamples.of(narration.audio());
        double total = narration.seconds();
        double[] starts = new double[scenes.size() + 1];
        double previous = 0;
        for (int i = 0; i < scenes.size(); i++) {
            double spokenLength = narration.lineEnds().get(i) - previous;
            previous = narration.lineEnds().get(i);
            starts[i + 1] = starts[i] + clip.seconds() * spokenLength / total;
        }
        starts[scenes.size()] = clip.seconds();
        boolean fits = narration.seconds() <= clip.seconds() + 1e-6;
        PcmSamples track;
        if (fits) {
            track = PcmSamples.silence(clip.seconds(), spoken.sampleRate());
            double from = 0;
            for (int i = 0; i < scenes.size(); i++) {
                double to = narration.lineEnds().get(i);
                track.place(spoken.slice(from, to), starts[i]);
                from = to;
            }
        } else {
            track = spoken.fitted(clip.seconds(), FADE_SECONDS);
        }

        CreativePalette palette = CreativePalette.of(request.brandPalette());
        BufferedImage product = productPicture(request, clip);
        String productName = VideoScript.of(request).productName();
        Rectangle safe = OfflineImageRenderer.safeArea(request.placement(), clip.width(), clip.height());
        ScenePainter painter = new ScenePainter(clip.width(), clip.height(), safe, treatment, palette, product, productName);
        List<Double> ends = new ArrayList<>();
        List<int[]> frames = new ArrayList<>();
        List<double[]> phases = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            double start = starts[i];
            double end = starts[i + 1];
            double entranceEnd = Math.min(end, start + ENTRANCE_SECONDS);
            int entranceFrames = Math.max(1, (int) Math.round((entranceEnd - start) * clip.framesPerSecond()));
            for (int k = 0; k < entranceFrames; k++) {
                ends.add(start + (entranceEnd - start) * (k + 1) / entranceFrames);
                frames.add(new int[] {i});
                phases.add(new double[] {(k + 1.0) / entranceFrames, 0});
            }
            int holdFrames = (int) Math.round((end - entranceEnd) * HOLD_FPS);
            for (int k = 0; k < holdFrames; k++) {
                ends.add(entranceEnd + (end - entranceEnd) * (k + 1) / holdFrames);
                frames.add(new int[] {i});
                phases.add(new double[] {1, (k + 1.0) / holdFrames});
            }
            if (holdFrames == 0) {
                ends.set(ends.size() - 1, end);
            }
        }
        ends.set(ends.size() - 1, clip.seconds());
        Mp4Writer writer = new Mp4Writer(clip.framesPerSecond());
        SegmentedVideoEncoder.encode(writer, clip.width(), clip.height(), ends, clip.framesPerSegment(), (index, frame) -> {
            int scene = frames.get(index)[0];
            double[] phase = phases.get(index);
            painter.paint(frame, scene, scenes.size(), scenes.get(scene).text(), scene == scenes.size() - 1, phase[0],
                    phase[1]);
        });
        writer.addVoice(OpusVoiceTrack.encode(track.toSpeech()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine", MODEL);
        details.put("preset", brief.preset());
        details.put("treatment", treatment.code());
        details.put("scenes", scenes.stream().map(scene -> Map.of("purpose", scene.purpose(), "on_screen_text", scene.text(),
                "narration", scene.spoken())).toList());
        List<Double> sceneStarts = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            sceneStarts.add(Math.round(starts[i] * 1000) / 1000.0);
        }
        details.put("scene_starts", sceneStarts);
        details.put("audio_engine", narration.engine());
        if (narration.fallbackReason() != null) {
            details.put("audio_fallback_reason", narration.fallbackReason());
        }
        details.put("voice_seconds", Math.round(narration.seconds() * 1000) / 1000.0);
        details.put("duration_source", fits ? "asked length; each scene's narration starts with its scene"
                : "asked length; the voice was longer and is cut with a " + FADE_SECONDS + " s fade");
        details.put("codec", "h264");
        details.put("audio_codec", "opus");
        details.put("frames", ends.size());
        details.put("frames_per_second", clip.framesPerSecond());
        details.put("product_picture", request.productPhoto() != null || request.keyFrame() != null ? "the uploaded photo"
                : "a drawn packshot");
        if (clip.sizeNote() != null) {
            details.put("size_note", clip.sizeNote());
        }
        return new ProviderJob.Completed(new GeneratedMedia(writer.finish(), "video/mp4", null, clip.width(), clip.height(),
                clip.seconds(), OfflineProviders.NAME, MODEL, BigDecimal.ZERO, details));
    }

    /**
     * The brief's scenes, leaving out words with a forbidden phrase; without scenes, one per line of the product's
     * script and the call to action last.
     */
    static List<Shown> scenes(GenerationRequest request) {
        ForbiddenPhrases forbidden = new ForbiddenPhrases(request.forbiddenPhrases());
        List<Shown> scenes = new ArrayList<>();
        for (StudioBrief.Scene scene : request.studio().scenes()) {
            String text = clean(scene.onScreenText());
            String spoken = clean(scene.narration());
            text = forbidden.allows(text) ? text : "";
            spoken = forbidden.allows(spoken) ? spoken : "";
            if (text.isEmpty()) {
                text = spoken;
            }
            if (spoken.isEmpty()) {
                spoken = text;
            }
            if (!text.isEmpty()) {
                scenes.add(new Shown(Objects.toString(scene.purpose(), ""), text, spoken));
            }
        }
        if (scenes.size() >= 2) {
            return scenes;
        }
        VideoScript script = VideoScript.of(request);
        List<Shown> fallback = new ArrayList<>();
        script.lines().forEach(line -> fallback.add(new Shown("line", line, line)));
        fallback.add(new Shown("cta", script.callToAction(), script.callToAction()));
        return scenes.isEmpty() ? fallback : appendCallToAction(scenes, script);
    }

    private static List<Shown> appendCallToAction(List<Shown> scenes, VideoScript script) {
        List<Shown> withCall = new ArrayList<>(scenes);
        withCall.add(new Shown("cta", script.callToAction(), script.callToAction()));
        return withCall;
    }

    private static String clean(String text) {
        return Objects.toString(text, "").strip().replaceAll("\\s+", " ");
    }

    /** The product as a photoshoot would draw it (or the user's photo), on a transparent layer, cropped. */
    private static BufferedImage productPicture(GenerationRequest request, StudioClip clip) {
        Map<String, String> look = new HashMap<>();
        look.put("environment", "studio");
        look.put("background_style", "transparent");
        look.put("lighting", "studio");
        look.put("style", "photorealistic");
        look.put("angle", "front");
        StudioBrief photoshoot = new StudioBrief(StudioBrief.Operation.PHOTOSHOOT, "photoshoot", look, 0, List.of(), null,
                null, 1, 1);
        GenerationRequest still = new GenerationRequest(request.jobId(), request.assetId(), AssetType.IMAGE,
                request.placement(), request.prompt(), request.hook(), request.conceptSummary(), request.productContext(),
                request.brandPalette(), request.forbiddenPhrases(), request.provider(), request.model(), request.tier(),
                request.keyFrame(), null, null, null, request.productPhoto(), photoshoot);
        int size = Math.min(clip.width(), clip.height());
        BufferedImage shot = new OfflinePhotoshoot().shoot(still, size, size).image();
        return ImageFilters.cropToOpaque(shot);
    }
}
