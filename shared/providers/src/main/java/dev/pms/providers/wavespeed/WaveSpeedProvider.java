package dev.pms.providers.wavespeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.pricing.PriceTable;
import dev.pms.providers.http.Backoff;
import dev.pms.providers.http.Redactor;
import dev.pms.providers.http.Sleeper;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

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
        Optional<WaveSpeedModel> chosen = RequestRefusals.modelFor(request);
        if (chosen.isEmpty()) {
            return new ProviderJob.Failed(NAME + " has no model '" + request.model() + "' for "
                    + request.assetType().code() + " assets", false);
        }
        WaveSpeedModel model = chosen.get();
        if (request.isStudio()) {
            return submitStudio(request, model);
        }
        Optional<String> refused = RequestRefusals.refusal(request, model);
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
        StudioPlan plan = StudioPlanner.plan(request, model);
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
        Optional<WaveSpeedModel> chosen = RequestRefusals.modelFor(request);
        if (chosen.isEmpty()) {
            return new ProviderJob.Failed(NAME + " has no model '" + request.model() + "' for "
                    + request.assetType().code() + " assets", false);
        }
        WaveSpeedModel model = chosen.get();
        Optional<String> refused = RequestRefusals.audioRefusal(request, model, audio, audioSeconds);
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
        Redactor redactor = new Redactor(key);
        WaveSpeedCall step = new WaveSpeedCall(config, prices, mapper, new WaveSpeedHttp(config, apiClient, fileClient,
                mapper, sleeper, backoff, httpCalls, redactor, label, callsSoFar), redactor, label);
        try {
            return action.run(step);
        } catch (WaveSpeedException e) {
            return step.failed(e.getMessage(), e.retryable());
        }
    }

    @FunctionalInterface
    private interface StepAction {
        ProviderJob run(WaveSpeedCall step) throws WaveSpeedException;
    }

    @Override
    public String toString() {
        return "WaveSpeedProvider[" + config + "]";
    }
}
