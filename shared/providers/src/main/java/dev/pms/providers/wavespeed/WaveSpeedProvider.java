package dev.pms.providers.wavespeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.VideoLimits;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PriceEntry;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.QualityTier;
import dev.pms.providers.http.Backoff;
import dev.pms.providers.http.Redactor;
import dev.pms.providers.http.Sleeper;
import dev.pms.providers.wavespeed.WaveSpeedModel.OutputKind;

import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Images, videos, avatars and voice-overs from WaveSpeed AI's REST API. {@link #submit} posts the job and answers
 * {@link ProviderJob.Pending} with a {@link WaveSpeedHandle}; {@link #poll} asks for the prediction's result and,
 * once it is completed, downloads the output once and answers {@link ProviderJob.Completed}. Neither waits for the
 * generation: only retries of a failed call wait (429 as {@code Retry-After} asks, 5xx, timeouts), and 4xx answers,
 * content-policy refusals and malformed answers end the job at once. Inputs a model would refuse are refused before
 * any paid call ({@link InputRules}).
 * <p>
 * An avatar is made in two predictions: the script is spoken by MiniMax speech-02-hd, then the avatar model animates
 * the key frame (uploaded to WaveSpeed's media storage at submit, since a handle cannot carry the image) to that
 * voice; {@link #submit(GenerationRequest, byte[], double)} takes a voice the caller already has instead. Images
 * come back as PNGs at the placement canvas's exact size ({@link ImageSizing#fitToCanvas}).
 * <p>
 * The cost is the price table's: WaveSpeed's result does not report one. The API key is read from the configured
 * supplier for each step and never appears in a log line or failure reason.
 */
public final class WaveSpeedProvider implements MediaProvider {
    public static final String NAME = "wavespeed";
    static final String REFUSED = "refused by WaveSpeed's content policy";
    static final String MALFORMED = "WaveSpeed's answer was malformed";
    static final int WAN_NEGATIVE_PROMPT_MAX_CHARS = 500;
    private static final System.Logger LOG = System.getLogger(WaveSpeedProvider.class.getName());
    private static final Set<AssetType> TYPES = EnumSet.of(AssetType.IMAGE, AssetType.VIDEO, AssetType.AVATAR,
            AssetType.AUDIO);

    private final WaveSpeedConfig config;
    private final PriceTable prices;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final HttpClient apiClient;
    private final HttpClient fileClient;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong httpCalls = new AtomicLong();

    /** Production wiring: the suite's price table, real waits, the system clock. */
    public WaveSpeedProvider(WaveSpeedConfig config) {
        this(config, PriceTable.load(), Sleeper.real(), Clock.systemUTC(), new Random());
    }

    /** {@code random} draws the backoff jitter; {@code clock} reads {@code Retry-After} dates. */
    public WaveSpeedProvider(WaveSpeedConfig config, PriceTable prices, Sleeper sleeper, Clock clock,
                             RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = new Backoff(config.backoffBase(), config.backoffCap(), random, clock);
        this.apiClient = HttpClient.newBuilder().connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.fileClient = HttpClient.newBuilder().connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return TYPES.contains(type);
    }

    /**
     * Every HTTP request this provider has sent (submits, polls, uploads, downloads, retries included). Per asset,
     * {@code details.http_calls} of the finished media counts those of its submit, polls and download.
     */
    public long httpCalls() {
        return httpCalls.get();
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        if (!supports(request.assetType())) {
            return new ProviderJob.Failed(NAME + " does not make " + request.assetType().code() + " assets", false);
        }
        Optional<WaveSpeedModel> chosen = modelFor(request);
        if (chosen.isEmpty()) {
            return new ProviderJob.Failed(NAME + " has no model '" + request.model() + "' for "
                    + request.assetType().code() + " assets", false);
        }
        WaveSpeedModel model = chosen.get();
        if (request.isStudio()) {
            return submitStudio(request, model);
        }
        Optional<String> refused = refusal(request, model);
        if (refused.isPresent()) {
            return refusedBeforeAnyCall(request, refused.get());
        }
        return withKey(request.jobId(), 0, step -> step.submit(request, model, null));
    }

    /**
     * A product-studio asset ({@link GenerationRequest#studio()} set): a photoshoot image fitted exactly to the canvas,
     * a WAN 2.5 image-to-video animation of the key frame (cropped to the canvas's shape) or text-to-video product
     * video at the canvas's frame size, each lasting the brief's 5 or 10 s, or an avatar explainer: lip-synced to the
     * caller's audio when the brief has some (measured from its WAV header or MP3 frames), else to the script spoken
     * by MiniMax first. Everything the model would refuse is refused before any call.
     */
    private ProviderJob submitStudio(GenerationRequest request, WaveSpeedModel model) {
        StudioPlan plan = planStudio(request, model);
        if (plan.refusal() != null) {
            return refusedBeforeAnyCall(request, plan.refusal());
        }
        StudioBrief studio = request.studio();
        return switch (studio.operation()) {
            case PHOTOSHOOT -> withKey(request.jobId(), 0, step -> step.submit(request, model, plan.tag()));
            case ANIMATE -> withKey(request.jobId(), 0, step -> step.submitAnimation(request, model, plan));
            case PRODUCT_VIDEO -> withKey(request.jobId(), 0, step -> step.submitTextToVideo(request, model, plan));
            case AVATAR_EXPLAINER -> studio.audio() != null
                    ? submit(request, studio.audio(), plan.audioSeconds())
                    : withKey(request.jobId(), 0, step -> step.submit(request, model, plan.tag()));
        };
    }

    private ProviderJob refusedBeforeAnyCall(GenerationRequest request, String reason) {
        LOG.log(System.Logger.Level.WARNING, "wavespeed job {0} refused before any call: {1}", request.jobId(),
                reason);
        return new ProviderJob.Failed(reason, false);
    }

    /**
     * What a studio asset is made from, worked out without a call: the key frame as WAN gets it, the text-to-video
     * frame size, the given audio's length and the tag the handle carries; or why the model would refuse it.
     */
    record StudioPlan(String refusal, StudioInputs.KeyFrame keyFrame, ImageSizing.Requested size,
                      double audioSeconds, StudioTag tag) {

        static StudioPlan refused(String reason) {
            return new StudioPlan(reason, null, null, 0, null);
        }
    }

    static StudioPlan planStudio(GenerationRequest request, WaveSpeedModel model) {
        StudioBrief studio = request.studio();
        StudioBrief.Operation operation = studio.operation();
        Set<WaveSpeedModel> fit = studioModels(operation);
        if (!fit.contains(model)) {
            return StudioPlan.refused("the studio's " + operation.code().replace('_', ' ') + " is not made with "
                    + model.code() + "; " + NAME + " makes it with " + fit.stream().map(WaveSpeedModel::code).sorted()
                    .collect(Collectors.joining(", ")));
        }
        StudioTag tag = StudioTag.of(request);
        Canvas canvas = canvasOf(request);
        if (operation != StudioBrief.Operation.AVATAR_EXPLAINER && canvas == null) {
            return StudioPlan.refused("a studio " + operation.code().replace('_', ' ')
                    + " needs the output size as the placement's canvas, and the request has none");
        }
        if (operation != StudioBrief.Operation.AVATAR_EXPLAINER
                && (request.prompt() == null || request.prompt().isBlank())) {
            return StudioPlan.refused("a studio asset needs the prompt the studio built, and the request has none");
        }
        double audioSeconds = 0;
        if (studio.audio() != null) {
            if (operation == StudioBrief.Operation.PHOTOSHOOT) {
                return StudioPlan.refused("a photoshoot takes no audio");
            }
            String format = MediaProbe.sniff(studio.audio()).orElse("");
            if (!format.equals("audio/wav") && !format.equals("audio/mpeg")) {
                return StudioPlan.refused("the voice must be a WAV or MP3 file, and the audio given is neither");
            }
            Optional<Double> measured = MediaProbe.audioSeconds(studio.audio());
            if (measured.isEmpty() || measured.get() <= 0) {
                return StudioPlan.refused("the length of the " + (format.equals("audio/wav") ? "WAV" : "MP3")
                        + " audio given could not be read from it");
            }
            audioSeconds = measured.get();
            tag = tag.with("audio", "given");
        }
        switch (operation) {
            case PHOTOSHOOT -> {
                Optional<String> refused = refusal(request, model);
                if (refused.isPresent()) {
                    return StudioPlan.refused(refused.get());
                }
                if ("transparent".equalsIgnoreCase(studio.setting("background_style", "").strip())) {
                    tag = tag.with("bg", "transparent");
                }
                return new StudioPlan(null, null, null, 0, tag);
            }
            case ANIMATE -> {
                Optional<String> duration = InputRules.wanDuration(studio.durationSeconds());
                if (duration.isPresent()) {
                    return StudioPlan.refused(duration.get());
                }
                if (request.keyFrame() == null || request.keyFrame().length == 0) {
                    return StudioPlan.refused("an animation needs the product image as the key frame, and the "
                            + "request has none");
                }
                Optional<StudioInputs.KeyFrame> frame = StudioInputs.keyFrameFor(request.keyFrame(), canvas);
                if (frame.isEmpty()) {
                    return StudioPlan.refused("WAN 2.5 animates an image, and the key frame is no readable image");
                }
                StudioInputs.KeyFrame keyFrame = frame.get();
                if (Math.max(keyFrame.width(), keyFrame.height()) > StudioInputs.WAN_MAX_IMAGE_SIDE) {
                    return StudioPlan.refused("the canvas " + canvas.width() + "x" + canvas.height()
                            + " is too long and thin for WAN 2.5, which takes images of 360 to 2000 pixels a side");
                }
                Optional<String> image = InputRules.wanImage(keyFrame.bytes());
                if (image.isPresent()) {
                    return StudioPlan.refused(image.get());
                }
                if (studio.audio() != null) {
                    Optional<String> sound = InputRules.wanAudio(studio.audio().length, audioSeconds);
                    if (sound.isPresent()) {
                        return StudioPlan.refused(sound.get());
                    }
                }
                if (keyFrame.reshaped()) {
                    tag = tag.with("kf", keyFrame.sourceWidth() + "x" + keyFrame.sourceHeight() + "-"
                            + keyFrame.width() + "x" + keyFrame.height());
                }
                return new StudioPlan(null, keyFrame, null, audioSeconds, tag);
            }
            case PRODUCT_VIDEO -> {
                Optional<String> duration = InputRules.wanDuration(studio.durationSeconds());
                if (duration.isPresent()) {
                    return StudioPlan.refused(duration.get());
                }
                Optional<ImageSizing.Requested> size = ImageSizing.wanTextToVideoSize(model.resolution(),
                        canvas.width(), canvas.height());
                if (size.isEmpty()) {
                    return StudioPlan.refused(textToVideoShape(model, canvas));
                }
                if (studio.audio() != null) {
                    Optional<String> sound = InputRules.wanAudio(studio.audio().length, audioSeconds);
                    if (sound.isPresent()) {
                        return StudioPlan.refused(sound.get());
                    }
                }
                return new StudioPlan(null, null, size.get(), audioSeconds, tag.with("size", size.get().value()));
            }
            case AVATAR_EXPLAINER -> {
                if (studio.audio() == null) {
                    if (request.script() == null || request.script().isBlank()) {
                        return StudioPlan.refused("an avatar explainer needs a script to speak or the audio to "
                                + "lip-sync, and the request has neither");
                    }
                    Optional<String> refused = refusal(request, model);
                    if (refused.isPresent()) {
                        return StudioPlan.refused(refused.get());
                    }
                }
                return new StudioPlan(null, null, null, audioSeconds, tag);
            }
            default -> throw new IllegalStateException("unknown studio operation " + operation);
        }
    }

    private static String textToVideoShape(WaveSpeedModel model, Canvas canvas) {
        return "WAN 2.5 text-to-video at " + model.resolution() + " makes "
                + String.join(" or ", ImageSizing.WAN_TEXT_TO_VIDEO_SIZES.get(model.resolution())).replace('*', 'x')
                + " frames; the canvas " + canvas.width() + "x" + canvas.height() + " has neither shape";
    }

    /** The models each studio operation is made with here. */
    static Set<WaveSpeedModel> studioModels(StudioBrief.Operation operation) {
        return switch (operation) {
            case PHOTOSHOOT -> EnumSet.of(WaveSpeedModel.QWEN_IMAGE, WaveSpeedModel.IDEOGRAM_V3_TURBO,
                    WaveSpeedModel.QWEN_IMAGE_EDIT);
            case ANIMATE -> EnumSet.of(WaveSpeedModel.WAN_25_I2V_480P, WaveSpeedModel.WAN_25_I2V_720P,
                    WaveSpeedModel.WAN_25_I2V_1080P);
            case PRODUCT_VIDEO -> EnumSet.of(WaveSpeedModel.WAN_25_T2V_480P, WaveSpeedModel.WAN_25_T2V_720P,
                    WaveSpeedModel.WAN_25_T2V_1080P);
            case AVATAR_EXPLAINER -> EnumSet.of(WaveSpeedModel.INFINITETALK_480P, WaveSpeedModel.INFINITETALK_720P,
                    WaveSpeedModel.HUNYUAN_AVATAR);
        };
    }

    @Override
    public ProviderJob poll(String handle) {
        Optional<WaveSpeedHandle> decoded = WaveSpeedHandle.decode(handle);
        if (decoded.isEmpty()) {
            return new ProviderJob.Failed("'" + handle + "' is not a " + NAME + " job handle", false);
        }
        WaveSpeedHandle pending = decoded.get();
        return withKey(pending.predictionId(), pending.httpCalls(), step -> step.poll(pending));
    }

    /**
     * A video or avatar driven by a voice the caller already has ({@code audio}, wav or mp3, lasting
     * {@code audioSeconds}), sent inline: WAN 2.5 puts it under the clip, an avatar model lip-syncs the key frame to it
     * (no voice is made and nothing is uploaded). The audio is checked against the model's limits before any call.
     */
    public ProviderJob submit(GenerationRequest request, byte[] audio, double audioSeconds) {
        if (request.assetType() != AssetType.VIDEO && request.assetType() != AssetType.AVATAR) {
            return new ProviderJob.Failed("only a video or an avatar takes a voice, not a "
                    + request.assetType().code() + " asset", false);
        }
        Optional<WaveSpeedModel> chosen = modelFor(request);
        if (chosen.isEmpty()) {
            return new ProviderJob.Failed(NAME + " has no model '" + request.model() + "' for "
                    + request.assetType().code() + " assets", false);
        }
        WaveSpeedModel model = chosen.get();
        Optional<String> refused = audioRefusal(request, model, audio, audioSeconds);
        if (refused.isPresent()) {
            return refusedBeforeAnyCall(request, refused.get());
        }
        return withKey(request.jobId(), 0, step -> step.submitVoiced(request, model, audio, audioSeconds));
    }

    /**
     * Clones a voice with MiniMax voice clone from a reference recording (sent inline), under
     * {@code customVoiceId}; the job is polled like any other and finishes with the preview of {@code previewText}
     * spoken in the new voice. Use the id as {@link WaveSpeedConfig#voiceId} afterwards.
     */
    public ProviderJob cloneVoice(byte[] referenceAudio, String customVoiceId, String previewText) {
        if (referenceAudio == null || referenceAudio.length == 0) {
            return new ProviderJob.Failed("a voice clone needs a reference recording, and none was given", false);
        }
        if (customVoiceId == null || customVoiceId.isBlank()) {
            return new ProviderJob.Failed("a voice clone needs the id to save the voice under", false);
        }
        return withKey(customVoiceId, 0, step -> step.cloneVoice(referenceAudio, customVoiceId, previewText));
    }

    /**
     * The model the request names, else the suite's choice for its asset type and tier; empty when that is not a
     * WaveSpeed model for the asset type.
     */
    static Optional<WaveSpeedModel> modelFor(GenerationRequest request) {
        String code = request.model() != null ? request.model()
                : CostEstimator.modelFor(request.assetType(),
                        request.tier() == null ? QualityTier.DEFAULT : request.tier()).model();
        return WaveSpeedModel.byCode(code).filter(model -> model.assetType() == request.assetType());
    }

    /** Why the model would refuse the request, found without a call. */
    static Optional<String> refusal(GenerationRequest request, WaveSpeedModel model) {
        return switch (model.assetType()) {
            case IMAGE -> {
                if (canvasOf(request) == null) {
                    yield Optional.of("an image needs the placement's canvas, and the request has none");
                }
                if (model == WaveSpeedModel.QWEN_IMAGE_EDIT && !isImage(request.keyFrame())) {
                    yield Optional.of("Qwen image edit needs the image to edit as the key frame, and the request has "
                            + (request.keyFrame() == null ? "none" : "no readable image"));
                }
                yield Optional.empty();
            }
            case VIDEO -> {
                if (model.textToVideo()) {
                    Canvas canvas = canvasOf(request);
                    if (canvas == null) {
                        yield Optional.of("WAN 2.5 text-to-video needs the placement's canvas for its frame size, "
                                + "and the request has none");
                    }
                    if (ImageSizing.wanTextToVideoSize(model.resolution(), canvas.width(), canvas.height()).isEmpty()) {
                        yield Optional.of(textToVideoShape(model, canvas));
                    }
                    try {
                        InputRules.wanSeconds(videoLimitsOf(request));
                    } catch (IllegalArgumentException e) {
                        yield Optional.of(e.getMessage());
                    }
                    yield Optional.empty();
                }
                Optional<String> image = InputRules.wanImage(request.keyFrame());
                if (image.isPresent()) {
                    yield image;
                }
                if (!isImage(request.keyFrame())) {
                    yield Optional.of("WAN 2.5 animates an image, and the key frame is no readable image");
                }
                try {
                    InputRules.wanSeconds(videoLimitsOf(request));
                } catch (IllegalArgumentException e) {
                    yield Optional.of(e.getMessage());
                }
                yield Optional.empty();
            }
            case AVATAR -> {
                String script = scriptOf(request);
                Optional<String> text = InputRules.speechText(script);
                if (text.isPresent()) {
                    yield text;
                }
                if (!isImage(request.keyFrame())) {
                    yield Optional.of("an avatar needs the presenter's image as the key frame, and the request has "
                            + (request.keyFrame() == null ? "none" : "no readable image"));
                }
                if (model == WaveSpeedModel.INFINITETALK_480P || model == WaveSpeedModel.INFINITETALK_720P) {
                    yield InputRules.infiniteTalkSeconds(InputRules.estimatedSpeechSeconds(script));
                }
                yield Optional.empty();
            }
            case AUDIO -> InputRules.speechText(scriptOf(request));
            case TEXT -> Optional.of(NAME + " does not write copy");
        };
    }

    static Optional<String> audioRefusal(GenerationRequest request, WaveSpeedModel model, byte[] audio,
                                         double seconds) {
        if (audio == null || audio.length == 0) {
            return Optional.of("the voice is empty");
        }
        if (!isImage(request.keyFrame())) {
            return Optional.of(model.code() + " needs the key frame as an image, and the request has "
                    + (request.keyFrame() == null ? "none" : "no readable image"));
        }
        return switch (model) {
            case WAN_25_I2V_480P, WAN_25_I2V_720P, WAN_25_I2V_1080P -> {
                Optional<String> image = InputRules.wanImage(request.keyFrame());
                if (image.isPresent()) {
                    yield image;
                }
                Optional<String> sound = InputRules.wanAudio(audio.length, seconds);
                if (sound.isPresent()) {
                    yield sound;
                }
                if (request.isStudio()) {
                    yield InputRules.wanDuration(request.studio().durationSeconds());
                }
                try {
                    InputRules.wanSeconds(videoLimitsOf(request));
                } catch (IllegalArgumentException e) {
                    yield Optional.of(e.getMessage());
                }
                yield Optional.empty();
            }
            case INFINITETALK_480P, INFINITETALK_720P -> InputRules.infiniteTalkSeconds(seconds);
            default -> Optional.empty();
        };
    }

    private ProviderJob withKey(String label, int callsSoFar, StepAction action) {
        String key;
        try {
            key = config.apiKey().get();
        } catch (RuntimeException e) {
            return new ProviderJob.Failed("the API key for " + NAME + " could not be read ("
                    + e.getClass().getSimpleName() + ")", true);
        }
        if (key == null || key.isBlank()) {
            return new ProviderJob.Failed("no API key is configured for " + NAME, false);
        }
        Step step = new Step(new Redactor(key), label, callsSoFar);
        try {
            return action.run(step);
        } catch (WaveSpeedException e) {
            return step.failed(e.getMessage(), e.retryable());
        }
    }

    @FunctionalInterface
    private interface StepAction {
        ProviderJob run(Step step) throws WaveSpeedException;
    }

    /** One submit or poll: its calls, counted from those the asset used before, and the key to keep out of text. */
    private final class Step {
        private final Redactor redactor;
        private final String label;
        private final WaveSpeedHttp http;

        Step(Redactor redactor, String label, int callsSoFar) {
            this.redactor = redactor;
            this.label = label;
            this.http = new WaveSpeedHttp(config, apiClient, fileClient, mapper, sleeper, backoff, httpCalls,
                    redactor, label, callsSoFar);
        }

        ProviderJob submit(GenerationRequest request, WaveSpeedModel model, StudioTag studio)
                throws WaveSpeedException {
            Canvas canvas = canvasOf(request);
            int width = canvas == null ? 0 : canvas.width();
            int height = canvas == null ? 0 : canvas.height();
            return switch (model.assetType()) {
                case IMAGE -> {
                    ObjectNode body = imageBody(request, model, width, height);
                    yield started(model, body, width, height, 0, 0, null, null, studio);
                }
                case VIDEO -> {
                    int seconds = InputRules.wanSeconds(videoLimitsOf(request));
                    if (model.textToVideo()) {
                        ObjectNode body = mapper.createObjectNode()
                                .put("prompt", promptOf(request))
                                .put("size", ImageSizing.wanTextToVideoSize(model.resolution(), width, height)
                                        .orElseThrow().value())
                                .put("duration", seconds)
                                .put("enable_prompt_expansion", false)
                                .put("seed", -1);
                        yield started(model, body, width, height, seconds, 0, null, null, studio);
                    }
                    ObjectNode body = mapper.createObjectNode()
                            .put("image", dataUri(request.keyFrame()))
                            .put("prompt", promptOf(request))
                            .put("resolution", model.resolution())
                            .put("duration", seconds)
                            .put("enable_prompt_expansion", false)
                            .put("seed", -1);
                    yield started(model, body, width, height, seconds, 0, null, null, studio);
                }
                case AUDIO -> {
                    String script = scriptOf(request);
                    yield started(model, speechBody(script), width, height,
                            InputRules.estimatedSpeechSeconds(script), script.length(), null, null, studio);
                }
                case AVATAR -> {
                    String script = scriptOf(request);
                    String keyFrameUrl = upload(request.keyFrame(), "key-frame");
                    yield started(WaveSpeedModel.SPEECH_02_HD, speechBody(script), width, height,
                            InputRules.estimatedSpeechSeconds(script), script.length(), model, keyFrameUrl, studio);
                }
                case TEXT -> throw new WaveSpeedException(NAME + " does not write copy", false);
            };
        }

        ProviderJob submitVoiced(GenerationRequest request, WaveSpeedModel model, byte[] audio, double seconds)
                throws WaveSpeedException {
            Canvas canvas = canvasOf(request);
            int width = canvas == null ? 0 : canvas.width();
            int height = canvas == null ? 0 : canvas.height();
            ObjectNode body = mapper.createObjectNode()
                    .put("image", dataUri(request.keyFrame()))
                    .put("audio", dataUri(audio))
                    .put("prompt", promptOf(request))
                    .put("resolution", model.resolution())
                    .put("seed", -1);
            double billed = seconds;
            if (model.assetType() == AssetType.VIDEO) {
                int clip = request.isStudio() ? request.studio().durationSeconds()
                        : InputRules.wanSeconds(videoLimitsOf(request));
                body.put("duration", clip).put("enable_prompt_expansion", false);
                billed = clip;
            }
            StudioTag studio = StudioTag.of(request);
            return started(model, body, width, height, billed, 0, null, null,
                    studio == null ? null : studio.with("audio", "given"));
        }

        /** A studio animation: WAN 2.5 image-to-video of the key frame shaped like the canvas, 5 or 10 s. */
        ProviderJob submitAnimation(GenerationRequest request, WaveSpeedModel model, StudioPlan plan)
                throws WaveSpeedException {
            StudioBrief studio = request.studio();
            Canvas canvas = canvasOf(request);
            ObjectNode body = mapper.createObjectNode()
                    .put("image", dataUri(plan.keyFrame().bytes()))
                    .put("prompt", StudioInputs.animationPrompt(request.prompt().strip(), studio.preset()))
                    .put("resolution", model.resolution())
                    .put("duration", studio.durationSeconds())
                    .put("enable_prompt_expansion", false)
                    .put("seed", -1);
            negativePrompt(request).ifPresent(text -> body.put("negative_prompt", text));
            if (studio.audio() != null) {
                body.put("audio", dataUri(studio.audio()));
            }
            return started(model, body, canvas.width(), canvas.height(), studio.durationSeconds(), 0, null, null,
                    plan.tag());
        }

        /**
         * A studio product video: WAN 2.5 text-to-video at the canvas's frame size, 5 or 10 s, the prompt followed by
         * the scenes' narration as its storyline.
         */
        ProviderJob submitTextToVideo(GenerationRequest request, WaveSpeedModel model, StudioPlan plan)
                throws WaveSpeedException {
            StudioBrief studio = request.studio();
            Canvas canvas = canvasOf(request);
            StudioInputs.Storyline story = StudioInputs.storyline(request.prompt().strip(), studio.scenes());
            ObjectNode body = mapper.createObjectNode()
                    .put("prompt", story.prompt())
                    .put("size", plan.size().value())
                    .put("duration", studio.durationSeconds())
                    .put("enable_prompt_expansion", false)
                    .put("seed", -1);
            negativePrompt(request).ifPresent(text -> body.put("negative_prompt", text));
            if (studio.audio() != null) {
                body.put("audio", dataUri(studio.audio()));
            }
            return started(model, body, canvas.width(), canvas.height(), studio.durationSeconds(), 0, null, null,
                    plan.tag().with("scenes", story.scenesTold()));
        }

        ProviderJob cloneVoice(byte[] audio, String voiceId, String previewText) throws WaveSpeedException {
            ObjectNode body = mapper.createObjectNode()
                    .put("audio", dataUri(audio))
                    .put("custom_voice_id", voiceId)
                    .put("model", WaveSpeedModel.SPEECH_02_HD.code())
                    .put("need_noise_reduction", false)
                    .put("need_volume_normalization", false);
            if (previewText != null && !previewText.isBlank()) {
                body.put("text", previewText);
            }
            return started(WaveSpeedModel.VOICE_CLONE, body, 0, 0, 0, 0, null, null, null);
        }

        ProviderJob poll(WaveSpeedHandle handle) throws WaveSpeedException {
            URI result = config.api("predictions/" + URLEncoder.encode(handle.predictionId(), StandardCharsets.UTF_8)
                    + "/result");
            Prediction prediction = Prediction.parse(http.getJson(result));
            if (prediction.pending()) {
                return new ProviderJob.Pending(handle.withCalls(http.calls()).encode(), handle.model().pollAfter());
            }
            if (!"completed".equals(prediction.status())) {
                return ended(prediction);
            }
            if (prediction.nsfwFlagged()) {
                return failed(REFUSED + ": WaveSpeed flagged the output as NSFW", false);
            }
            if (prediction.outputs().isEmpty() && handle.model() == WaveSpeedModel.VOICE_CLONE) {
                return clonedWithoutPreview(handle, prediction);
            }
            if (prediction.outputs().isEmpty()) {
                throw new WaveSpeedException(MALFORMED + ": the completed prediction has no outputs", false);
            }
            URI output = outputUri(prediction.outputs().get(0));
            if (handle.nextModel() != null) {
                return animate(handle, output);
            }
            return completed(handle, output, prediction);
        }

        private ProviderJob clonedWithoutPreview(WaveSpeedHandle handle, Prediction prediction) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("wavespeed_model", handle.model().path());
            details.put("prediction_id", prediction.id());
            details.put("http_calls", http.calls());
            details.put("preview", "none");
            return new ProviderJob.Completed(new GeneratedMedia(new byte[0], null, null, null, null, null, NAME,
                    handle.model().code(), cost(handle.model(), 0, 0), details));
        }

        /** The avatar's second prediction: the key frame, uploaded at submit, spoken by the voice just made. */
        private ProviderJob animate(WaveSpeedHandle voice, URI audio) throws WaveSpeedException {
            WaveSpeedModel avatar = voice.nextModel();
            ObjectNode body = mapper.createObjectNode()
                    .put("image", voice.nextImageUrl())
                    .put("audio", audio.toString())
                    .put("resolution", avatar.resolution())
                    .put("seed", -1);
            return started(avatar, body, voice.width(), voice.height(), voice.seconds(), voice.characters(), null,
                    null, voice.studio());
        }

        private ProviderJob started(WaveSpeedModel model, ObjectNode body, int width, int height, double seconds,
                                    long characters, WaveSpeedModel next, String nextImageUrl, StudioTag studio)
                throws WaveSpeedException {
            Prediction prediction = Prediction.parse(http.postJson(config.api(model.path()), body.toString()));
            if (!prediction.pending() && !"completed".equals(prediction.status())) {
                return ended(prediction);
            }
            WaveSpeedHandle handle = new WaveSpeedHandle(model, model.output(), prediction.id(), width, height,
                    seconds, characters, http.calls(), next, nextImageUrl, studio);
            LOG.log(System.Logger.Level.DEBUG, "wavespeed {0}: {1} prediction {2} submitted", label, model.code(),
                    prediction.id());
            return new ProviderJob.Pending(handle.encode(), model.pollAfter());
        }

        private ProviderJob ended(Prediction prediction) throws WaveSpeedException {
            return switch (prediction.status()) {
                case "failed", "cancelled", "canceled", "timeout" -> prediction.error().contentPolicy()
                        ? failed(REFUSED + prediction.error().describe(), false)
                        : failed("the WaveSpeed prediction " + prediction.id() + " " + prediction.status()
                        + prediction.error().describe(), true);
                default -> throw new WaveSpeedException(MALFORMED + ": the prediction status '" + prediction.status()
                        + "' is unknown", false);
            };
        }

        private ProviderJob completed(WaveSpeedHandle handle, URI output, Prediction prediction)
                throws WaveSpeedException {
            WaveSpeedHttp.Download download = http.download(output);
            WaveSpeedModel model = handle.model();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("wavespeed_model", model.path());
            details.put("prediction_id", prediction.id());
            details.put("http_calls", http.calls());
            details.put("cost_source", "price table " + prices.version() + " (WaveSpeed reports no cost)");
            if (handle.studio() != null) {
                studioDetails(handle.studio(), details);
            }
            GeneratedMedia media = switch (handle.kind()) {
                case IMAGE -> image(handle, download.bytes(), details);
                case VIDEO -> video(handle, download, details);
                case AUDIO -> audio(handle, download, details);
            };
            LOG.log(System.Logger.Level.DEBUG, "wavespeed {0}: {1} output downloaded ({2} bytes, {3} HTTP calls)",
                    label, model.code(), download.bytes().length, http.calls());
            return new ProviderJob.Completed(media);
        }

        private GeneratedMedia image(WaveSpeedHandle handle, byte[] bytes, Map<String, Object> details)
                throws WaveSpeedException {
            BufferedImage generated = readImage(bytes);
            if (generated == null) {
                throw new WaveSpeedException(MALFORMED + ": the output is not an image this client can read", false);
            }
            BufferedImage result = generated;
            details.put("generated_size", generated.getWidth() + "x" + generated.getHeight());
            if (handle.width() > 0 && handle.height() > 0) {
                ImageSizing.Requested asked = requestedSize(handle.model(), handle.width(), handle.height());
                if (asked != null) {
                    details.put("requested_" + asked.parameter(), asked.value());
                }
                details.put("placement_size", handle.width() + "x" + handle.height());
                details.put("fitted_to_placement", true);
                details.put("fit", "the model cannot make exactly " + handle.width() + "x" + handle.height()
                        + "; its " + generated.getWidth() + "x" + generated.getHeight()
                        + " image was cover-cropped and scaled to the placement canvas");
                result = ImageSizing.fitToCanvas(generated, handle.width(), handle.height());
            }
            if (handle.studio() != null && handle.studio().note("bg").filter("transparent"::equals).isPresent()) {
                details.put("background_note", generated.getColorModel().hasAlpha()
                        ? "transparent background: the model's alpha channel is kept"
                        : handle.model().code() + " makes no alpha channel, so this PNG is opaque, with the plain"
                        + " background the prompt asked for; cut the product out (e.g. Stability remove-background)"
                        + " for a truly transparent background");
                details.put("has_alpha", result.getColorModel().hasAlpha());
            }
            return new GeneratedMedia(png(result), "image/png", null, result.getWidth(), result.getHeight(), null,
                    NAME, handle.model().code(), cost(handle.model(), 0, 0), details);
        }

        private GeneratedMedia video(WaveSpeedHandle handle, WaveSpeedHttp.Download download,
                                     Map<String, Object> details) {
            WaveSpeedModel model = handle.model();
            MediaProbe.VideoInfo info = MediaProbe.mp4(download.bytes());
            double seconds = info.seconds() != null ? info.seconds() : handle.seconds();
            details.put("duration_source", info.seconds() != null ? "mp4 header" : "request");
            if (model.resolution() != null) {
                details.put("resolution", model.resolution());
            }
            if (handle.width() > 0) {
                details.put("placement_size", handle.width() + "x" + handle.height());
                details.put("fitted_to_placement", false);
                details.put("fit", "the video keeps the model's frame size; fit it to the placement canvas before"
                        + " delivery");
                if (handle.studio() != null && info.width() != null) {
                    boolean exact = info.width() == handle.width() && info.height() == handle.height();
                    details.put("frame_matches_canvas", exact);
                    if (exact) {
                        details.put("fit", "the model's frame is exactly the canvas");
                    } else {
                        details.put("fit", "the model made " + info.width() + "x" + info.height() + " frames; scale"
                                + " them (cropping evenly where the shapes differ) to the " + handle.width() + "x"
                                + handle.height() + " canvas before delivery");
                    }
                }
            }
            double billedSeconds = model.assetType() == AssetType.VIDEO ? handle.seconds() : seconds;
            BigDecimal cost = cost(model, billedSeconds, 0);
            if (model.assetType() == AssetType.AVATAR && handle.characters() > 0) {
                details.put("voice_model", WaveSpeedModel.SPEECH_02_HD.code());
                details.put("voice_characters", handle.characters());
                cost = cost.add(cost(WaveSpeedModel.SPEECH_02_HD, 0, handle.characters())).stripTrailingZeros();
            }
            String mime = mimeOf(download, "video/mp4");
            return new GeneratedMedia(download.bytes(), mime, null, info.width(), info.height(), round(seconds), NAME,
                    model.code(), cost, details);
        }

        private GeneratedMedia audio(WaveSpeedHandle handle, WaveSpeedHttp.Download download,
                                     Map<String, Object> details) {
            Optional<Double> measured = MediaProbe.wavSeconds(download.bytes());
            Double seconds = measured.orElse(handle.seconds() > 0 ? handle.seconds() : null);
            details.put("duration_source", measured.isPresent() ? "wav header" : "script length estimate");
            if (handle.model() == WaveSpeedModel.SPEECH_02_HD) {
                details.put("voice_id", config.voiceId());
                details.put("characters", handle.characters());
            }
            return new GeneratedMedia(download.bytes(), mimeOf(download, "audio/mpeg"), null, null, null,
                    seconds == null ? null : round(seconds), NAME, handle.model().code(),
                    cost(handle.model(), 0, handle.characters()), details);
        }

        /** Puts a file in WaveSpeed's media storage (create the upload, then send the bytes) and answers its URL. */
        private String upload(byte[] bytes, String name) throws WaveSpeedException {
            String mime = MediaProbe.sniff(bytes).orElse("application/octet-stream");
            ObjectNode body = mapper.createObjectNode()
                    .put("filename", name + extensionOf(mime))
                    .put("size", bytes.length)
                    .put("content_type", mime);
            JsonNode data = http.postJson(config.api("media/uploads"), body.toString()).path("data");
            String downloadUrl = data.path("download_url").asText("");
            JsonNode upload = data.path("upload");
            String uploadUrl = upload.path("url").asText("");
            if (downloadUrl.isBlank() || uploadUrl.isBlank()) {
                throw new WaveSpeedException(MALFORMED + ": the upload answer lacks data.download_url or "
                        + "data.upload.url", false);
            }
            Map<String, String> headers = new HashMap<>();
            upload.path("headers").fields().forEachRemaining(field -> headers.put(field.getKey(),
                    field.getValue().asText()));
            headers.putIfAbsent("Content-Type", mime);
            http.upload(upload.path("method").asText("PUT").toUpperCase(Locale.ROOT), outputUri(uploadUrl), bytes,
                    headers);
            return downloadUrl;
        }

        private ObjectNode imageBody(GenerationRequest request, WaveSpeedModel model, int width, int height) {
            ObjectNode body = mapper.createObjectNode().put("prompt", promptOf(request));
            switch (model) {
                case QWEN_IMAGE -> body.put("size", ImageSizing.qwenSize(width, height).value())
                        .put("seed", -1)
                        .put("enable_base64_output", false)
                        .put("enable_sync_mode", false);
                case IDEOGRAM_V3_TURBO -> body
                        .put("aspect_ratio", ImageSizing.ideogramAspectRatio(width, height).value())
                        .put("style", "Auto")
                        .put("enable_base64_output", false);
                case QWEN_IMAGE_EDIT -> body.put("image", dataUri(request.keyFrame()))
                        .put("seed", -1)
                        .put("output_format", "png")
                        .put("enable_base64_output", false)
                        .put("enable_sync_mode", false);
                default -> throw new IllegalStateException(model + " is not an image model");
            }
            return body;
        }

        private ObjectNode speechBody(String script) {
            return mapper.createObjectNode()
                    .put("text", script)
                    .put("voice_id", config.voiceId())
                    .put("speed", 1)
                    .put("volume", 1)
                    .put("pitch", 0)
                    .put("english_normalization", true)
                    .put("enable_sync_mode", false);
        }

        private URI outputUri(String text) throws WaveSpeedException {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
            throw new WaveSpeedException(MALFORMED + ": '" + text + "' is not an http(s) URL", false);
        }

        /** What the studio tag tells about how the asset was made, in words for the asset's lineage. */
        private void studioDetails(StudioTag studio, Map<String, Object> details) {
            details.put("source", "studio");
            details.put("studio_operation", studio.operation().code());
            details.put("studio_preset", studio.preset());
            studio.note("kf").ifPresent(fit -> {
                String[] sizes = fit.split("-");
                details.put("key_frame_fit", "the " + sizes[0] + " key frame was cropped about its centre (and"
                        + " scaled) to " + sizes[1] + ", the canvas's shape, before WAN animated it");
            });
            studio.note("size").ifPresent(size -> details.put("requested_size", size));
            studio.note("scenes").ifPresent(scenes -> details.put("storyline_scenes", Integer.parseInt(scenes)));
            studio.note("audio").ifPresent(audio -> details.put("voice", "the caller's audio"));
        }

        ProviderJob.Failed failed(String reason, boolean retryable) {
            String safe = redactor.redact(reason);
            LOG.log(System.Logger.Level.WARNING, "wavespeed {0} failed{1}: {2}", label,
                    retryable ? " (retryable)" : "", safe);
            return new ProviderJob.Failed(safe, retryable);
        }
    }

    /**
     * The price table's price for the model: per image or request, per started second (never below the billed
     * minimum) or per thousand characters.
     */
    BigDecimal cost(WaveSpeedModel model, double seconds, long characters) {
        PriceEntry entry = prices.entry(model.priceProvider(), model.code(), model.priceUnit());
        BigDecimal quantity = switch (model.priceUnit()) {
            case IMAGE, IMAGE_EDIT, REQUEST -> BigDecimal.ONE;
            case VIDEO_SECOND -> BigDecimal.valueOf((long) Math.ceil(seconds - 1e-9));
            case THOUSAND_CHARACTERS -> BigDecimal.valueOf(characters).movePointLeft(3);
            default -> throw new IllegalStateException(model + " is not priced per " + model.priceUnit());
        };
        if (entry.minimumUnits() != null) {
            quantity = quantity.max(BigDecimal.valueOf(entry.minimumUnits()));
        }
        return quantity.multiply(entry.usd()).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    static ImageSizing.Requested requestedSize(WaveSpeedModel model, int width, int height) {
        return switch (model) {
            case QWEN_IMAGE -> ImageSizing.qwenSize(width, height);
            case IDEOGRAM_V3_TURBO -> ImageSizing.ideogramAspectRatio(width, height);
            default -> null;
        };
    }

    private static Canvas canvasOf(GenerationRequest request) {
        return request.placement() == null ? null : request.placement().canvas();
    }

    private static VideoLimits videoLimitsOf(GenerationRequest request) {
        return request.placement() == null ? null : request.placement().video();
    }

    private static String scriptOf(GenerationRequest request) {
        return Stream.of(request.script(), request.hook(), request.conceptSummary())
                .filter(text -> text != null && !text.isBlank())
                .map(String::strip)
                .findFirst().orElse("");
    }

    /**
     * The prompt sent: a studio asset's is the studio's own, built whole by the core (brand colours included); a
     * campaign asset's is the proposal's, with the brand colours added.
     */
    private static String promptOf(GenerationRequest request) {
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
            if (clean.isEmpty() || text.length() + clean.length() + 2 > WAN_NEGATIVE_PROMPT_MAX_CHARS) {
                continue;
            }
            text.append(text.length() == 0 ? "" : ", ").append(clean);
        }
        return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
    }

    private static boolean isImage(byte[] bytes) {
        return bytes != null && MediaProbe.sniff(bytes).filter(mime -> mime.startsWith("image/")).isPresent();
    }

    private static BufferedImage readImage(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("writing a PNG to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static String dataUri(byte[] bytes) {
        String mime = MediaProbe.sniff(bytes).orElse("application/octet-stream");
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static String mimeOf(WaveSpeedHttp.Download download, String fallback) {
        return MediaProbe.sniff(download.bytes())
                .or(() -> download.contentType().map(type -> type.split(";")[0].strip())
                        .filter(type -> !type.isBlank() && !"application/octet-stream".equals(type)))
                .orElse(fallback);
    }

    private static String extensionOf(String mime) {
        return switch (mime) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            case "audio/wav" -> ".wav";
            case "audio/mpeg" -> ".mp3";
            case "video/mp4" -> ".mp4";
            default -> "";
        };
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    @Override
    public String toString() {
        return "WaveSpeedProvider[" + config + "]";
    }
}
