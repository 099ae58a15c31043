package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.VideoLimits;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;

import org.jcodec.common.model.Picture;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * A narrated H.264 MP4 slideshow that browsers play: the script (the request's, else lines from the brief's facts)
 * is spoken offline line by line and muxed in as Opus, and each line gets its own slide in the brand palette, shown
 * exactly while it is spoken, then an end card with the call to action; the clip lasts as long as the voice, within
 * the placement's limits. A video opens on its cover (the key frame) with a slow zoom and draws nothing over it. An
 * avatar is a presenter card (the persona's picture, given as the key frame, or a monogram), the lines as captions
 * and a lower-third with the presenter's name and the call to action. A still slide is one key frame shown for its
 * whole line, so only the cover's zoom costs encoding time per frame.
 */
public final class OfflineSlideshowVideo implements MediaProvider {
    public static final String MODEL = "offline-slideshow-1";
    public static final String AVATAR_MODEL = "offline-avatar-slideshow-1";
    public static final int DEFAULT_FRAMES_PER_SECOND = 4;
    static final int DEFAULT_VIDEO_SECONDS = 5;
    static final int LONG_VIDEO_SECONDS = 10;
    static final int AVATAR_SECONDS = 15;
    static final int DEFAULT_WIDTH = 1080;
    static final int DEFAULT_HEIGHT = 1920;
    /** How far the key frame zooms in over the clip. */
    private static final double ZOOM = 0.12;

    private final OfflineImageRenderer renderer;
    private final SpeechSynthesizer voice;
    private final int framesPerSecond;
    private final int downscale;

    /** Production: the placement's exact size at {@value #DEFAULT_FRAMES_PER_SECOND} frames per second, FreeTTS avatar voice. */
    public OfflineSlideshowVideo() {
        this(new OfflineImageRenderer(), new FreeTtsSynthesizer(), DEFAULT_FRAMES_PER_SECOND, 1);
    }

    /**
     * @param voice           speaks an avatar's script (a tone track stands in when it fails)
     * @param framesPerSecond frame rate of the clip (encoding time grows with frames)
     * @param downscale       1 for the placement's size; n renders at 1/n of each side (tests), rounded to even pixels
     */
    public OfflineSlideshowVideo(OfflineImageRenderer renderer, SpeechSynthesizer voice, int framesPerSecond, int downscale) {
        if (framesPerSecond < 1 || downscale < 1) {
            throw new IllegalArgumentException("frame rate and downscale must be at least 1");
        }
        this.renderer = renderer;
        this.voice = voice;
        this.framesPerSecond = framesPerSecond;
        this.downscale = downscale;
    }

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.VIDEO || type == AssetType.AVATAR;
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        BufferedImage keyFrame;
        try {
            keyFrame = request.keyFrame() == null ? null : ImageIO.read(new ByteArrayInputStream(request.keyFrame()));
        } catch (IOException e) {
            return new ProviderJob.Failed("the key frame is not a readable image: " + e.getMessage(), false);
        }
        if (request.keyFrame() != null && keyFrame == null) {
            return new ProviderJob.Failed("the key frame is not a PNG or JPEG image", false);
        }
        boolean avatar = request.assetType() == AssetType.AVATAR;
        Map<String, Object> details = new LinkedHashMap<>();
        VideoScript script = VideoScript.of(request);
        Narration narration = Narration.speak(script.spoken(), voice);
        details.put("audio_engine", narration.engine());
        if (narration.fallbackReason() != null) {
            details.put("audio_fallback_reason", narration.fallbackReason());
        }
        VideoLimits limits = request.placement() == null ? null : request.placement().video();
        double seconds = clipSeconds(narration.seconds(), limits);
        SpeechAudio speech = cut(narration.audio(), seconds);
        if (seconds < narration.seconds() - 0.001) {
            details.put("duration_source", "voice, cut to the placement's " + limits.maxSeconds() + " s maximum");
        } else if (seconds > narration.seconds() + 0.001) {
            details.put("duration_source", "the placement's " + limits.minSeconds() + " s minimum; the voice is shorter");
        } else {
            details.put("duration_source", "voice");
        }
        details.put("audio_seconds", speech.durationSeconds());
        int width = even(canvasWidth(request.placement()) / downscale);
        int height = even(canvasHeight(request.placement()) / downscale);
        List<Slide> slides = slides(request, script, narration, keyFrame, avatar, width, height, seconds);
        Encoded encoded = encode(request, slides, width, height, speech);
        String model = avatar ? AVATAR_MODEL : MODEL;
        details.put("engine", model);
        details.put("codec", "h264");
        details.put("audio_codec", "opus");
        details.put("frames_per_second", framesPerSecond);
        details.put("frames", encoded.frames());
        details.put("key_frame", keyFrame != null ? "provided" : "none");
        details.put("placement", request.placement() == null ? "none" : request.placement().key());
        details.put("slide_texts", slides.stream().map(Slide::text).filter(text -> !text.isEmpty()).toList());
        details.put("cta", script.callToAction());
        if (avatar) {
            details.put("presenter", presenterName(request, script));
            details.put("composition", (keyFrame != null ? "the persona's picture" : "a monogram")
                    + " in a presenter card with name and role, the script's lines as captions, a lower-third with"
                    + " the presenter's name and the call to action; the voice-over as Opus in the MP4");
        } else {
            details.put("composition", (keyFrame != null ? "the cover with a slow zoom, then " : "")
                    + "one slide per line of the script in the brand palette inside the safe zone, an end card with"
                    + " the call to action; the voice-over as Opus in the MP4");
        }
        int wantedWidth = canvasWidth(request.placement()) / downscale;
        int wantedHeight = canvasHeight(request.placement()) / downscale;
        if (wantedWidth != width || wantedHeight != height) {
            details.put("size_note", "H.264 4:2:0 needs even sides: " + wantedWidth + "x" + wantedHeight + " encoded as "
                    + width + "x" + height);
        }
        return new ProviderJob.Completed(new GeneratedMedia(encoded.mp4(), "video/mp4", null, width, height,
                seconds, OfflineProviders.NAME, model, BigDecimal.ZERO, details));
    }

    @Override
    public ProviderJob poll(String handle) {
        return OfflineProviders.noPendingJobs(handle);
    }

    /**
     * Clip length: {@value #DEFAULT_VIDEO_SECONDS} s, {@value #LONG_VIDEO_SECONDS} s where the placement requires more
     * than that, {@value #AVATAR_SECONDS} s for an avatar (the lengths the quote prices), always within the placement's
     * video limits. A made avatar lasts as long as its voice instead ({@link #avatarSeconds}).
     */
    public static int durationSeconds(AssetType type, Placement placement) {
        VideoLimits limits = placement == null ? null : placement.video();
        int seconds = type == AssetType.AVATAR ? AVATAR_SECONDS : DEFAULT_VIDEO_SECONDS;
        if (limits != null && limits.minSeconds() != null && limits.minSeconds() > seconds) {
            seconds = Math.max(LONG_VIDEO_SECONDS, limits.minSeconds());
        }
        if (limits != null && limits.maxSeconds() != null && seconds > limits.maxSeconds()) {
            seconds = limits.maxSeconds();
        }
        return Math.max(1, seconds);
    }

    /**
     * A clip lasts as long as its voice (to the millisecond), but no shorter than the placement's minimum and no
     * longer than its maximum.
     */
    static double clipSeconds(double voiceSeconds, VideoLimits limits) {
        double seconds = Math.max(0.001, Math.round(voiceSeconds * 1000) / 1000.0);
        if (limits != null && limits.maxSeconds() != null && seconds > limits.maxSeconds()) {
            seconds = limits.maxSeconds();
        }
        if (limits != null && limits.minSeconds() != null && seconds < limits.minSeconds()) {
            seconds = limits.minSeconds();
        }
        return seconds;
    }

    private static SpeechAudio cut(SpeechAudio speech, double seconds) {
        int bytes = (int) Math.round(seconds * speech.format().getFrameRate()) * speech.format().getFrameSize();
        return bytes >= speech.pcm().length ? speech : new SpeechAudio(speech.format(), Arrays.copyOf(speech.pcm(), bytes));
    }

    /** One slide shown from {@code start} to {@code end} seconds; {@code coverKeyFrame} zooms slowly. */
    private record Slide(BufferedImage image, boolean coverKeyFrame, double start, double end, String text) {
    }

    private record Encoded(byte[] mp4, int frames) {
    }

    /**
     * One slide per spoken line, changing when the voice moves on, then the end card until the clip ends. A video's
     * first line plays over its cover (the key frame, which carries its own headline) when it has one.
     */
    private List<Slide> slides(GenerationRequest request, VideoScript script, Narration narration, BufferedImage keyFrame,
                               boolean avatar, int width, int height, double seconds) {
        long seed = OfflineSeed.of(request);
        BrandColours colours = BrandColours.from(request.brandPalette(), seed);
        Rectangle safe = OfflineImageRenderer.safeArea(request.placement(), width, height);
        SlidePainter painter = new SlidePainter(width, height, safe, colours, request.brandPalette().size() >= 3);
        String presenter = presenterName(request, script);
        String role = presenterRole(request, script);
        List<String> lines = script.lines();
        List<Slide> slides = new ArrayList<>();
        double start = 0;
        for (int i = 0; i <= lines.size() && start < seconds; i++) {
            boolean endCard = i == lines.size();
            double end = endCard ? seconds : Math.min(seconds, narration.lineEnds().get(i));
            String text = endCard ? script.callToAction() : lines.get(i);
            BufferedImage image;
            boolean cover = false;
            if (avatar) {
                image = painter.presenterSlide(keyFrame, presenter, role, text, script.callToAction());
            } else if (endCard) {
                image = painter.endCard(script.productName(), script.callToAction());
            } else if (i == 0 && keyFrame != null) {
                image = keyFrame;
                cover = true;
                text = "";
            } else {
                image = painter.lineSlide(script.productName(), text, i, lines.size());
            }
            slides.add(new Slide(image, cover, start, end, text));
            start = end;
        }
        return slides;
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

    private Encoded encode(GenerationRequest request, List<Slide> slides, int width, int height, SpeechAudio speech) {
        Random motion = new Random(OfflineSeed.of(request));
        double panX = motion.nextDouble() * 2 - 1;
        double panY = motion.nextDouble() * 2 - 1;
        List<double[]> frameTimes = new ArrayList<>();
        List<Slide> frameSlides = new ArrayList<>();
        List<Boolean> sceneStarts = new ArrayList<>();
        for (Slide slide : slides) {
            int frames = slide.coverKeyFrame()
                    ? Math.max(1, (int) Math.ceil((slide.end() - slide.start()) * framesPerSecond - 1e-9)) : 1;
            for (int k = 0; k < frames; k++) {
                double until = k == frames - 1 ? slide.end() : slide.start() + (double) (k + 1) / framesPerSecond;
                frameTimes.add(new double[] {slide.start() + (double) k / framesPerSecond, until});
                frameSlides.add(slide);
                sceneStarts.add(k == 0);
            }
        }
        Mp4Writer writer = new Mp4Writer(framesPerSecond);
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        IntFunction<Picture> painter = i -> {
            Slide slide = frameSlides.get(i);
            Graphics2D g = OfflineImageRenderer.graphics(frame);
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                if (slide.coverKeyFrame()) {
                    double progress = (frameTimes.get(i)[0] - slide.start()) / Math.max(0.001, slide.end() - slide.start());
                    drawPanZoom(g, slide.image(), width, height, progress, panX, panY);
                } else {
                    g.drawImage(slide.image(), 0, 0, null);
                }
            } finally {
                g.dispose();
            }
            return Mp4Writer.yuv(frame);
        };
        try {
            FramePipeline.run(frameTimes.size(), painter, (i, picture) -> writer.addPicture(picture, frameTimes.get(i)[1],
                    sceneStarts.get(i)));
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the slideshow in memory failed", e);
        }
        writer.addVoice(OpusVoiceTrack.encode(speech));
        return new Encoded(writer.finish(), frameTimes.size());
    }

    /** Cover-fits the key frame and zooms in by up to {@link #ZOOM} while drifting towards a seeded direction. */
    private static void drawPanZoom(Graphics2D g, BufferedImage base, int width, int height, double progress,
                                    double panX, double panY) {
        double cover = Math.max((double) width / base.getWidth(), (double) height / base.getHeight());
        double scale = cover * (1 + ZOOM * progress);
        double drawnWidth = base.getWidth() * scale;
        double drawnHeight = base.getHeight() * scale;
        double spareX = drawnWidth - width;
        double spareY = drawnHeight - height;
        double x = -spareX / 2 * (1 + panX * progress);
        double y = -spareY / 2 * (1 + panY * progress);
        g.drawImage(base, (int) Math.round(x), (int) Math.round(y), (int) Math.ceil(drawnWidth), (int) Math.ceil(drawnHeight), null);
    }

    private static int canvasWidth(Placement placement) {
        return placement == null || placement.canvas() == null ? DEFAULT_WIDTH : placement.canvas().width();
    }

    private static int canvasHeight(Placement placement) {
        return placement == null || placement.canvas() == null ? DEFAULT_HEIGHT : placement.canvas().height();
    }

    private static int even(int pixels) {
        return Math.max(2, pixels - pixels % 2);
    }
}
