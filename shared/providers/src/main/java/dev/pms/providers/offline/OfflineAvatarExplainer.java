package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The studio's talking-avatar explainer offline: the presenter card (the avatar's picture in a circle, name and role,
 * captions, a lower-third with the call to action) for as long as the voice lasts. The voice is the caller's audio when
 * given — a WAV (PCM, any rate, mono or stereo) re-encoded as Opus, or an MP3 whose frames are muxed as they are — else
 * the script spoken offline. Captions are the script's sentences (timed by the voice, or spread over the caller's
 * audio by length), else the product's name and the call to action. The clip's length is the audio's real length.
 */
public final class OfflineAvatarExplainer implements MediaProvider {
    public static final String MODEL = "offline-avatar-explainer-1";
    /** A still caption is repeated at least this often, so players can seek anywhere. */
    static final double MAX_FRAME_SECONDS = 2.0;

    private final SpeechSynthesizer voice;

    public OfflineAvatarExplainer(SpeechSynthesizer voice) {
        this.voice = voice;
    }

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.AVATAR;
    }

    @Override
    public ProviderJob poll(String handle) {
        return OfflineProviders.noPendingJobs(handle);
    }

    /** A caption shown until {@code end} seconds. */
    record Caption(String text, double end) {
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        StudioBrief brief = request.studio();
        BufferedImage portrait = null;
        if (request.keyFrame() != null) {
            try {
                portrait = ImageIO.read(new ByteArrayInputStream(request.keyFrame()));
            } catch (IOException e) {
                return new ProviderJob.Failed("the avatar's picture is not readable: " + e.getMessage(), false);
            }
            if (portrait == null) {
                return new ProviderJob.Failed("the avatar's picture is not a PNG or JPEG", false);
            }
        }
        VideoScript script = VideoScript.of(request);
        String given = Objects.toString(request.script(), "").strip();
        Map<String, Object> details = new LinkedHashMap<>();
        double seconds;
        List<Caption> captions;
        byte[] audio = brief.audio();
        StudioClip size = StudioClip.of(request.placement(), 1);
        Mp4Writer writer = new Mp4Writer(1);
        if (audio != null && audio.length > 0) {
            boolean mp3 = isMp3(brief.audioMimeType(), audio);
            try {
                seconds = given(writer, audio, mp3, details);
            } catch (IllegalArgumentException e) {
                return new ProviderJob.Failed("the avatar's audio is not usable: " + e.getMessage(), false);
            }
            captions = spread(given.isEmpty() ? List.of() : script.lines(), script, seconds);
        } else {
            Narration narration = Narration.speak(script.spoken(), voice);
            seconds = narration.seconds();
            writer.addVoice(OpusVoiceTrack.encode(narration.audio()));
            details.put("audio_source", "the script spoken offline");
            details.put("audio_engine", narration.engine());
            if (narration.fallbackReason() != null) {
                details.put("audio_fallback_reason", narration.fallbackReason());
            }
            details.put("audio_codec", "opus");
            captions = new ArrayList<>();
            List<String> spoken = script.spoken();
            for (int i = 0; i < spoken.size(); i++) {
                captions.add(new Caption(spoken.get(i), narration.lineEnds().get(i)));
            }
        }
        seconds = Math.max(0.001, seconds);
        String presenter = presenterName(request, script);
        String role = presenterRole(request, script);
        Rectangle safe = OfflineImageRenderer.safeArea(request.placement(), size.width(), size.height());
        SlidePainter painter = new SlidePainter(size.width(), size.height(), safe,
                BrandColours.from(request.brandPalette(), OfflineSeed.of(request)), request.brandPalette().size() >= 3);
        List<BufferedImage> slides = new ArrayList<>();
        for (Caption caption : captions) {
            slides.add(painter.presenterSlide(portrait, presenter, role, caption.text(), script.callToAction()));
        }
        List<Double> ends = new ArrayList<>();
        List<Integer> slideOfFrame = new ArrayList<>();
        double start = 0;
        for (int i = 0; i < captions.size() && start < seconds - 1e-6; i++) {
            double end = i == captions.size() - 1 ? seconds : Math.min(seconds, captions.get(i).end());
            int pieces = Math.max(1, (int) Math.ceil((end - start) / MAX_FRAME_SECONDS - 1e-9));
            for (int k = 1; k <= pieces; k++) {
                ends.add(start + (end - start) * k / pieces);
                slideOfFrame.add(i);
            }
            start = end;
        }
        ends.set(ends.size() - 1, seconds);
        SegmentedVideoEncoder.encode(writer, size.width(), size.height(), ends, 8, (index, frame) -> {
            Graphics2D g = frame.createGraphics();
            g.drawImage(slides.get(slideOfFrame.get(index)), 0, 0, null);
            g.dispose();
        });
        details.put("engine", MODEL);
        details.put("preset", brief.preset());
        details.put("presenter", presenter);
        details.put("key_frame", portrait != null ? "the avatar's picture" : "none (a monogram)");
        details.put("captions", captions.stream().map(Caption::text).toList());
        details.put("cta", script.callToAction());
        details.put("codec", "h264");
        details.put("duration_source", "the audio's real length");
        details.put("frames", ends.size());
        if (size.sizeNote() != null) {
            details.put("size_note", size.sizeNote());
        }
        return new ProviderJob.Completed(new GeneratedMedia(writer.finish(), "video/mp4", null, size.width(), size.height(),
                seconds, OfflineProviders.NAME, MODEL, BigDecimal.ZERO, details));
    }

    /** Adds the caller's audio to the clip and answers its real length in seconds. */
    private static double given(Mp4Writer writer, byte[] audio, boolean mp3, Map<String, Object> details) {
        if (mp3) {
            Mp3Track track = Mp3Track.parse(audio);
            writer.addMp3(track);
            details.put("audio_source", "the caller's MP3, its frames muxed as they are");
            details.put("audio_codec", "mp3");
            details.put("audio_sample_rate", track.sampleRate());
            return track.durationSeconds();
        }
        PcmSamples samples = PcmSamples.fromWav(audio);
        if (samples.samples().length == 0) {
            throw new IllegalArgumentException("the WAV holds no samples");
        }
        writer.addVoice(OpusVoiceTrack.encode(samples.toSpeech()));
        details.put("audio_source", "the caller's WAV, re-encoded as Opus");
        details.put("audio_codec", "opus");
        details.put("audio_sample_rate", samples.sampleRate());
        return samples.durationSeconds();
    }

    static boolean isMp3(String mimeType, byte[] audio) {
        String type = Objects.toString(mimeType, "").toLowerCase(Locale.ROOT);
        if (type.contains("mpeg") || type.contains("mp3")) {
            return true;
        }
        if (type.contains("wav") || type.contains("wave")) {
            return false;
        }
        boolean riff = audio.length >= 4 && audio[0] == 'R' && audio[1] == 'I' && audio[2] == 'F' && audio[3] == 'F';
        return !riff;
    }

    /**
     * The script's sentences spread over the caller's audio by their length (a sentence twice as long shows twice as
     * long), else the product's name for the first half and the call to action for the second.
     */
    static List<Caption> spread(List<String> sentences, VideoScript script, double seconds) {
        List<String> texts = sentences.isEmpty() ? List.of(script.productName(), script.callToAction()) : sentences;
        double total = texts.stream().mapToDouble(text -> Math.max(1, text.length())).sum();
        List<Caption> captions = new ArrayList<>();
        double at = 0;
        for (String text : texts) {
            at += seconds * Math.max(1, text.length()) / total;
            captions.add(new Caption(text, at));
        }
        return captions;
    }

    private static String presenterName(GenerationRequest request, VideoScript script) {
        GenerationRequest.Presenter presenter = request.presenter();
        return presenter != null && presenter.name() != null && !presenter.name().isBlank()
                ? presenter.name().strip() : script.productName();
    }

    private static String presenterRole(GenerationRequest request, VideoScript script) {
        GenerationRequest.Presenter presenter = request.presenter();
        if (presenter != null && presenter.role() != null && !presenter.role().isBlank()) {
            return presenter.role().strip();
        }
        return presenterName(request, script).equals(script.productName()) ? "Product tour" : "Host, " + script.productName();
    }
}
