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
 * A real H.264 MP4 slideshow (jcodec): the key frame (the request's PNG, else the image renderer's backdrop) with
 * a slow zoom and pan, and the copy as captions inside the placement's safe zone. An avatar is the persona's
 * picture (the key frame) or, without one, a presenter portrait drawn in the brand colours whose mouth moves while
 * the voice track (the script, spoken offline, muxed into the MP4 as PCM) plays, with the script's sentences as
 * captions; it lasts as long as the voice. Frames are few (jcodec needs about 100 ms to draw, convert and encode a
 * 1080×1920 frame on 2 cores), so clips run at a low frame rate.
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
        SpeechAudio speech = null;
        double seconds;
        if (avatar) {
            speech = speak(OfflineVoice.script(request), details);
            VideoLimits limits = request.placement() == null ? null : request.placement().video();
            seconds = avatarSeconds(speech.durationSeconds(), limits);
            double spoken = speech.durationSeconds();
            speech = cut(speech, seconds);
            if (seconds < spoken - 0.001) {
                details.put("duration_source", "voice, cut to the placement's " + limits.maxSeconds() + " s maximum");
            } else if (seconds > spoken + 0.001) {
                details.put("duration_source", "the placement's " + limits.minSeconds() + " s minimum; the voice is shorter");
            } else {
                details.put("duration_source", "voice");
            }
            details.put("audio_seconds", speech.durationSeconds());
        } else {
            seconds = durationSeconds(request.assetType(), request.placement());
        }
        int frames = Math.max(1, (int) Math.ceil(seconds * framesPerSecond - 1e-9));
        int width = even(canvasWidth(request.placement()) / downscale);
        int height = even(canvasHeight(request.placement()) / downscale);
        BufferedImage base;
        if (keyFrame != null) {
            base = keyFrame;
        } else {
            base = avatar ? renderer.background(request, width, height) : renderer.backdrop(request, width, height);
        }
        byte[] mp4 = encode(request, base, keyFrame == null, width, height, seconds, frames, speech);
        String model = avatar ? AVATAR_MODEL : MODEL;
        details.put("engine", model);
        details.put("codec", "h264");
        details.put("frames_per_second", framesPerSecond);
        details.put("frames", frames);
        details.put("key_frame", keyFrame != null ? "provided" : "rendered");
        details.put("placement", request.placement() == null ? "none" : request.placement().key());
        if (avatar) {
            details.put("composition", (keyFrame != null ? "the persona's picture" : "a presenter portrait drawn in the brand colours")
                    + " with a slow zoom, the script's sentences as captions, the voice as a PCM sound track in the MP4");
        } else {
            details.put("composition", (keyFrame != null ? "the key frame" : "the offline image renderer's backdrop")
                    + " with a slow zoom and pan (Ken Burns), the headline inside the safe zone, no sound");
        }
        int wantedWidth = canvasWidth(request.placement()) / downscale;
        int wantedHeight = canvasHeight(request.placement()) / downscale;
        if (wantedWidth != width || wantedHeight != height) {
            details.put("size_note", "H.264 4:2:0 needs even sides: " + wantedWidth + "x" + wantedHeight + " encoded as "
                    + width + "x" + height);
        }
        return new ProviderJob.Completed(new GeneratedMedia(mp4, "video/mp4", null, width, height,
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
     * An avatar lasts as long as its voice (to the millisecond), but no shorter than the placement's minimum and no
     * longer than its maximum.
     */
    static double avatarSeconds(double voiceSeconds, VideoLimits limits) {
        double seconds = Math.max(0.001, Math.round(voiceSeconds * 1000) / 1000.0);
        if (limits != null && limits.maxSeconds() != null && seconds > limits.maxSeconds()) {
            seconds = limits.maxSeconds();
        }
        if (limits != null && limits.minSeconds() != null && seconds < limits.minSeconds()) {
            seconds = limits.minSeconds();
        }
        return seconds;
    }

    /** The avatar's whole voice; records the engine (or the fallback and why) in {@code details}. */
    private SpeechAudio speak(String script, Map<String, Object> details) {
        try {
            SpeechAudio speech = voice.speak(script);
            details.put("audio_engine", voice.engine());
            return speech;
        } catch (RuntimeException | LinkageError e) {
            details.put("audio_engine", ToneTrack.ENGINE);
            details.put("audio_fallback_reason", e.getClass().getSimpleName() + ": " + Objects.toString(e.getMessage(), ""));
            return ToneTrack.forScript(script);
        }
    }

    private static SpeechAudio cut(SpeechAudio speech, double seconds) {
        int bytes = (int) Math.round(seconds * speech.format().getFrameRate()) * speech.format().getFrameSize();
        return bytes >= speech.pcm().length ? speech : new SpeechAudio(speech.format(), Arrays.copyOf(speech.pcm(), bytes));
    }

    /** {@code drawPresenter}: an avatar without the persona's picture gets a drawn presenter. */
    private byte[] encode(GenerationRequest request, BufferedImage base, boolean drawPresenter, int width, int height,
                          double seconds, int frames, SpeechAudio speech) {
        boolean avatar = speech != null;
        long seed = OfflineSeed.of(request);
        BrandColours colours = BrandColours.from(request.brandPalette(), seed);
        Rectangle safe = OfflineImageRenderer.safeArea(request.placement(), width, height);
        int margin = OfflineImageRenderer.textMargin(safe);
        Rectangle inner = new Rectangle(safe.x + margin, safe.y + margin, safe.width - 2 * margin, safe.height - 2 * margin);
        Rectangle captionBox = new Rectangle(inner.x, inner.y, inner.width, (int) (inner.height * 0.34));
        Rectangle presenterBox = new Rectangle(inner.x + inner.width / 6, inner.y + (int) (inner.height * 0.42),
                inner.width * 2 / 3, inner.height - (int) (inner.height * 0.42));
        List<String> captions = avatar ? avatarCaptions(request) : videoCaptions(request);
        Random motion = new Random(seed);
        double panX = motion.nextDouble() * 2 - 1;
        double panY = motion.nextDouble() * 2 - 1;
        Color captionColour = BrandColours.textOn(BrandColours.mix(colours.primary(), colours.secondary()));
        try {
            Mp4Writer writer = new Mp4Writer(framesPerSecond);
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            List<TextBlock> blocks = new ArrayList<>();
            IntFunction<Picture> painter = i -> {
                double progress = frames == 1 ? 0 : (double) i / (frames - 1);
                Graphics2D g = OfflineImageRenderer.graphics(frame);
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    drawPanZoom(g, base, width, height, progress, panX, panY);
                    if (avatar && drawPresenter) {
                        boolean speaking = (double) i / framesPerSecond < speech.durationSeconds();
                        drawPresenter(g, presenterBox, colours, speaking && i % 2 == 0);
                    }
                    if (!captions.isEmpty()) {
                        int caption = Math.min(captions.size() - 1, i * captions.size() / frames);
                        while (blocks.size() <= caption) {
                            int maxFont = Math.max(TextBlock.MIN_FONT_PX, Math.min(captionBox.height / 2, captionBox.width / 8));
                            blocks.add(TextBlock.layout(g, captions.get(blocks.size()), captionBox, maxFont, true));
                        }
                        if (!blocks.get(caption).isEmpty()) {
                            OfflineImageRenderer.drawOnPanel(g, blocks.get(caption), captionColour, safe);
                        }
                    }
                } finally {
                    g.dispose();
                }
                return Mp4Writer.yuv(frame);
            };
            FramePipeline.run(frames, painter, (i, picture) -> writer.addPicture(picture,
                    i < frames - 1 ? 1.0 / framesPerSecond : seconds - (double) i / framesPerSecond));
            if (avatar) {
                writer.addVoice(OpusVoiceTrack.encode(speech));
            }
            return writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the slideshow in memory failed", e);
        }
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

    /** Head and shoulders in the brand's colours, the mouth open or closed. */
    private static void drawPresenter(Graphics2D g, Rectangle box, BrandColours colours, boolean mouthOpen) {
        double unit = Math.min(box.width, box.height);
        double headSize = unit * 0.42;
        double headX = box.getCenterX() - headSize / 2;
        double headY = box.y + unit * 0.05;
        Color suit = colours.secondary().darker();
        g.setColor(suit);
        double shouldersTop = headY + headSize * 0.95;
        g.fill(new RoundRectangle2D.Double(box.getCenterX() - unit * 0.4, shouldersTop, unit * 0.8,
                box.getMaxY() - shouldersTop, unit * 0.3, unit * 0.3));
        g.setColor(new Color(0xE8, 0xC4, 0xA8));
        g.fill(new Ellipse2D.Double(headX, headY, headSize, headSize));
        g.setColor(new Color(0x3A, 0x2A, 0x22));
        double eye = headSize * 0.08;
        g.fill(new Ellipse2D.Double(headX + headSize * 0.3 - eye / 2, headY + headSize * 0.4, eye, eye));
        g.fill(new Ellipse2D.Double(headX + headSize * 0.7 - eye / 2, headY + headSize * 0.4, eye, eye));
        double mouthHeight = headSize * (mouthOpen ? 0.1 : 0.03);
        g.fill(new Ellipse2D.Double(headX + headSize * 0.38, headY + headSize * 0.68, headSize * 0.24, mouthHeight));
    }

    private static List<String> videoCaptions(GenerationRequest request) {
        List<String> captions = new ArrayList<>();
        String headline = OfflineImageRenderer.headline(request);
        if (!headline.isEmpty()) {
            captions.add(headline);
        }
        ProductFacts facts = ProductFacts.from(request.productContext());
        if (facts.hasName() && !facts.name().equals(headline)) {
            captions.add(facts.name());
        }
        return captions;
    }

    private static List<String> avatarCaptions(GenerationRequest request) {
        String script = Objects.toString(request.script(), "").strip();
        return script.isEmpty() ? videoCaptions(request) : WordFit.sentences(script);
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
