package dev.pms.providers.stability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.Placement;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.PriceEntry;
import dev.pms.core.pricing.PriceTable;
import dev.pms.providers.http.Backoff;
import dev.pms.providers.http.Redactor;
import dev.pms.providers.http.Sleeper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Images from Stability AI's v2beta REST API (see the package documentation for the protocol). The request's model
 * picks the service ({@link StabilityOperation}; blank means Stable Image Core). Generations ask for the supported
 * aspect ratio nearest the placement's canvas; every result is then cover-cropped and scaled to exactly the canvas and
 * returned as PNG. Synchronous services complete inside {@link #submit}; the creative upscale answers
 * {@link ProviderJob.Pending} with a {@link StabilityHandle} that {@link #poll} fetches without ever waiting for it.
 * <p>
 * Transient failures (429, 5xx, timeouts, broken connections) are retried with backoff up to the configured attempts,
 * honouring {@code Retry-After}, then reported as retryable; a {@code Retry-After} beyond the backoff cap ends the
 * attempts at once. Other 4xx answers are not retried. A content-moderation refusal (403 {@code content_moderation})
 * or a blurred result ({@code finish-reason: CONTENT_FILTERED}) and malformed answers fail for good.
 * <p>
 * The API key is read from the configured supplier for each job and never appears in a log line or failure reason.
 * {@link #httpCalls()} counts every HTTP request sent, retries and polls included.
 */
public final class StabilityProvider implements MediaProvider {
    public static final String NAME = "stability";
    static final String REFUSED = "refused by Stability AI's content policy";
    static final String MALFORMED = "Stability AI's answer was malformed";
    static final String FINISH_CONTENT_FILTERED = "CONTENT_FILTERED";
    private static final System.Logger LOG = System.getLogger(StabilityProvider.class.getName());
    private static final String OUTPUT_FORMAT = "png";
    static final int MAX_PROMPT_CHARS = 10_000;

    private final StabilityConfig config;
    private final PriceTable prices;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final HttpClient http;
    private final AtomicLong httpCalls = new AtomicLong();

    /** Production wiring: the suite's price table, real waits, the system clock. */
    public StabilityProvider(StabilityConfig config) {
        this(config, PriceTable.load(), Sleeper.real(), Clock.systemUTC(), new Random());
    }

    /** {@code random} draws the backoff jitter; {@code clock} reads {@code Retry-After} dates. */
    public StabilityProvider(StabilityConfig config, PriceTable prices, Sleeper sleeper, Clock clock, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = new Backoff(config.backoffBase(), config.backoffCap(), random, clock);
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.IMAGE;
    }

    /** HTTP requests this provider has sent since it was made: every attempt, retries and polls included. */
    public long httpCalls() {
        return httpCalls.get();
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        if (request.assetType() != AssetType.IMAGE) {
            return new ProviderJob.Failed(NAME + " makes images only, not " + request.assetType() + " assets", false);
        }
        Optional<StabilityOperation> found = StabilityOperation.forModel(request.model());
        if (found.isEmpty()) {
            return new ProviderJob.Failed(NAME + " has no model '" + request.model() + "'; it knows "
                    + StabilityOperation.knownModels(), false);
        }
        StabilityOperation operation = found.get();
        Optional<Canvas> canvas = Optional.ofNullable(request.placement()).map(Placement::canvas);
        if (request.isStudio()) {
            Optional<String> refused = studioRefusal(request, operation, canvas);
            if (refused.isPresent()) {
                LOG.log(System.Logger.Level.WARNING, "{0} {1} {2} refused before any call: {3}", NAME,
                        operation.model(), request.jobId(), refused.get());
                return new ProviderJob.Failed(refused.get(), false);
            }
        }
        Multipart body = new Multipart();
        String aspectRatio = null;
        if (operation.input().needsPrompt()) {
            String prompt = prompt(request);
            if (prompt.isEmpty()) {
                return new ProviderJob.Failed(NAME + " " + operation.model() + " needs a prompt, and the request has none", false);
            }
            body.field("prompt", limited(prompt));
        }
        if (operation.input().needsImage()) {
            if (request.keyFrame() == null || request.keyFrame().length == 0) {
                return new ProviderJob.Failed(NAME + " " + operation.model() + " works on the key frame, and the request has none",
                        false);
            }
            body.file("image", "key-frame", imageType(request.keyFrame()), request.keyFrame());
        }
        if (operation.input() == StabilityOperation.Input.IMAGE_PROMPT_AND_SEARCH) {
            String search = Objects.toString(request.productContext().get("search_prompt"), "").strip();
            if (search.isEmpty()) {
                return new ProviderJob.Failed(NAME + " search-and-replace needs product_context.search_prompt (what to replace)",
                        false);
            }
            body.field("search_prompt", search);
        }
        if (operation.input() == StabilityOperation.Input.PROMPT) {
            if (!request.forbiddenPhrases().isEmpty()) {
                body.field("negative_prompt", limited(String.join(", ", request.forbiddenPhrases())));
            }
            if (canvas.isPresent()) {
                aspectRatio = AspectRatios.nearest(canvas.get().width(), canvas.get().height());
                body.field("aspect_ratio", aspectRatio);
            }
        }
        body.field("output_format", OUTPUT_FORMAT);
        Key key = readKey();
        if (key.failure() != null) {
            return key.failure();
        }
        Redactor redactor = new Redactor(key.value());
        HttpRequest call = HttpRequest.newBuilder(config.uri(operation.path()))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + redactor.secret())
                .header("Content-Type", body.contentType())
                .header("Accept", operation.async() ? "application/json" : "image/*")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        Target target = new Target(operation, canvas.map(Canvas::width).orElse(0), canvas.map(Canvas::height).orElse(0),
                request.placement() == null ? "none" : request.placement().key(), aspectRatio, request.studio());
        Exchange exchange = new Exchange(redactor, request.jobId(), operation.model());
        Answer answer = exchange.send(call);
        if (answer instanceof Answer.Failed failed) {
            return failed.job();
        }
        HttpResponse<byte[]> response = ((Answer.Received) answer).response();
        if (operation.async()) {
            return started(response, target, exchange);
        }
        return image(response, target, exchange);
    }

    @Override
    public ProviderJob poll(String handle) {
        Optional<StabilityHandle> decoded = StabilityHandle.decode(handle);
        if (decoded.isEmpty()) {
            return new ProviderJob.Failed(NAME + " cannot read the pending job handle '" + handle + "'", false);
        }
        StabilityHandle pending = decoded.get();
        Key key = readKey();
        if (key.failure() != null) {
            return key.failure();
        }
        Redactor redactor = new Redactor(key.value());
        HttpRequest call = HttpRequest.newBuilder(config.uri(StabilityOperation.RESULTS_PATH + pending.generationId()))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + redactor.secret())
                .header("Accept", "image/*")
                .GET()
                .build();
        Exchange exchange = new Exchange(redactor, pending.generationId(), pending.operation().model());
        Answer answer = exchange.send(call);
        if (answer instanceof Answer.Failed failed) {
            return failed.job();
        }
        HttpResponse<byte[]> response = ((Answer.Received) answer).response();
        if (response.statusCode() == 202) {
            return new ProviderJob.Pending(handle, config.pollAfter());
        }
        Target target = new Target(pending.operation(), pending.width(), pending.height(), pending.placementKey(), null,
                null);
        return image(response, target, exchange);
    }

    /** The answer to starting an asynchronous service: the generation id, as a handle to poll. */
    private ProviderJob started(HttpResponse<byte[]> response, Target target, Exchange exchange) {
        String id = null;
        try {
            JsonNode root = Json.mapper().readTree(response.body());
            if (root != null && root.path("id").isTextual()) {
                id = root.path("id").asText();
            }
        } catch (IOException e) {
            return exchange.failed(MALFORMED + ": the start of " + target.operation().model() + " answered no JSON", false);
        }
        if (!StabilityHandle.validGenerationId(id)) {
            return exchange.failed(MALFORMED + ": the start of " + target.operation().model() + " answered no usable generation id",
                    false);
        }
        String handle = new StabilityHandle(target.operation(), target.width(), target.height(), target.placementKey(), id).encode();
        LOG.log(System.Logger.Level.DEBUG, "{0} {1} started as {2}", NAME, target.operation().model(), handle);
        return new ProviderJob.Pending(handle, config.pollAfter());
    }

    /** A finished image: checked for moderation, decoded, fitted to the canvas, priced. */
    private ProviderJob image(HttpResponse<byte[]> response, Target target, Exchange exchange) {
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        byte[] imageBytes = response.body();
        String finishReason = response.headers().firstValue("finish-reason").orElse(null);
        String seed = response.headers().firstValue("seed").orElse(null);
        if (contentType.startsWith("application/json")) {
            JsonNode root;
            try {
                root = Json.mapper().readTree(response.body());
            } catch (IOException e) {
                return exchange.failed(MALFORMED + ": the body is declared JSON but is not", false);
            }
            if (root == null || !root.isObject()) {
                return exchange.failed(MALFORMED + ": the body is not a JSON object", false);
            }
            finishReason = root.path("finish_reason").isTextual() ? root.path("finish_reason").asText() : finishReason;
            seed = root.path("seed").isNumber() || root.path("seed").isTextual() ? root.path("seed").asText() : seed;
            if (FINISH_CONTENT_FILTERED.equalsIgnoreCase(finishReason)) {
                return exchange.failed(REFUSED + ": the result was blurred (finish reason " + FINISH_CONTENT_FILTERED + ")", false);
            }
            if (!root.path("image").isTextual()) {
                return exchange.failed(MALFORMED + ": the JSON holds no image", false);
            }
            try {
                imageBytes = Base64.getDecoder().decode(root.path("image").asText());
            } catch (IllegalArgumentException e) {
                return exchange.failed(MALFORMED + ": the image is not valid base64", false);
            }
        }
        if (FINISH_CONTENT_FILTERED.equalsIgnoreCase(finishReason)) {
            return exchange.failed(REFUSED + ": the result was blurred (finish reason " + FINISH_CONTENT_FILTERED + ")", false);
        }
        BufferedImage decoded;
        try {
            decoded = imageBytes == null || imageBytes.length == 0 ? null : ImageIO.read(new ByteArrayInputStream(imageBytes));
        } catch (IOException | RuntimeException e) {
            decoded = null;
        }
        if (decoded == null) {
            return exchange.failed(MALFORMED + ": the body (" + (imageBytes == null ? 0 : imageBytes.length) + " bytes, "
                    + (contentType.isEmpty() ? "no content type" : contentType) + ") is not a readable PNG or JPEG image", false);
        }
        boolean fit = target.width() > 0 && target.height() > 0;
        BufferedImage output = fit ? CanvasFit.cover(decoded, target.width(), target.height()) : decoded;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("service", target.operation().path());
        details.put("placement", target.placementKey());
        if (target.aspectRatio() != null) {
            details.put("requested_aspect_ratio", target.aspectRatio());
        }
        details.put("provider_size", decoded.getWidth() + "x" + decoded.getHeight());
        details.put("fitted", fit);
        if (fit) {
            details.put("fit", "cover-crop and scale to " + target.width() + "x" + target.height());
        }
        details.put("finish_reason", finishReason == null ? "unknown" : finishReason);
        if (seed != null) {
            details.put("seed", seed);
        }
        details.put("http_calls", exchange.calls());
        if (target.studio() != null) {
            StudioBrief studio = target.studio();
            details.put("source", "studio");
            details.put("studio_operation", studio.operation().code());
            details.put("studio_preset", studio.preset() == null ? "none" : studio.preset());
            if ("transparent".equalsIgnoreCase(studio.setting("background_style", "").strip())) {
                details.put("background_note", decoded.getColorModel().hasAlpha()
                        ? "transparent background: the service's alpha channel is kept"
                        : target.operation().model() + " makes no alpha channel, so this PNG is opaque, with the plain"
                        + " background the prompt asked for; run remove-background on it for a truly transparent"
                        + " background");
                details.put("has_alpha", output.getColorModel().hasAlpha());
            }
        }
        Optional<BigDecimal> cost = price(target.operation());
        details.put("cost_source", cost.isPresent() ? "price-table" : "unpriced");
        LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2}x{3} image fitted to {4}x{5} after {6} call(s)", NAME,
                target.operation().model(), decoded.getWidth(), decoded.getHeight(), output.getWidth(), output.getHeight(),
                exchange.calls());
        return new ProviderJob.Completed(new GeneratedMedia(CanvasFit.png(output), "image/png", null, output.getWidth(),
                output.getHeight(), null, NAME, target.operation().model(), cost.orElse(null), details));
    }

    /**
     * The price table's row for this model, if it has one. The v2beta responses report no credits (only the image,
     * seed and finish reason), so the table is the only source.
     */
    private Optional<BigDecimal> price(StabilityOperation operation) {
        return prices.entries().stream()
                .filter(entry -> NAME.equals(entry.provider()) && operation.model().equals(entry.model())
                        && entry.unit() == operation.priceUnit())
                .map(PriceEntry::usd)
                .findFirst();
    }

    /** The key for one job; a supplier that throws (e.g. SSM unreachable) is worth a retry, a missing key is not. */
    private Key readKey() {
        String key;
        try {
            key = config.apiKey().get();
        } catch (RuntimeException e) {
            return new Key(null, new ProviderJob.Failed("the API key for " + NAME + " could not be read ("
                    + e.getClass().getSimpleName() + ")", true));
        }
        if (key == null || key.isBlank()) {
            return new Key(null, new ProviderJob.Failed("no API key is configured for " + NAME, false));
        }
        return new Key(key, null);
    }

    private record Key(String value, ProviderJob.Failed failure) {
    }

    private static String prompt(GenerationRequest request) {
        String prompt = Objects.toString(request.prompt(), "").strip();
        if (!prompt.isEmpty()) {
            return prompt;
        }
        return (Objects.toString(request.hook(), "") + " " + Objects.toString(request.conceptSummary(), "")).strip();
    }

    /** The services take at most {@value #MAX_PROMPT_CHARS} characters of prompt and of negative prompt. */
    private static String limited(String text) {
        return text.length() <= MAX_PROMPT_CHARS ? text : text.substring(0, MAX_PROMPT_CHARS);
    }

    private static String imageType(byte[] image) {
        boolean jpeg = image.length > 2 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8;
        return jpeg ? "image/jpeg" : "image/png";
    }

    /** Where a result goes: the canvas to fit (0x0: none) and what to record about it; {@code studio} may be null. */
    private record Target(StabilityOperation operation, int width, int height, String placementKey, String aspectRatio,
                          StudioBrief studio) {
    }

    /**
     * Why a product-studio request cannot be made here, found without a call: the studio asks Stability for
     * photoshoots only, made by a generate service (Core or Ultra) from the studio's prompt and fitted exactly to the
     * canvas, which it must therefore name.
     */
    static Optional<String> studioRefusal(GenerationRequest request, StabilityOperation operation,
                                          Optional<Canvas> canvas) {
        StudioBrief studio = request.studio();
        if (studio.operation() != StudioBrief.Operation.PHOTOSHOOT) {
            return Optional.of(NAME + " makes the studio's photoshoot images only, not a "
                    + studio.operation().code().replace('_', ' '));
        }
        if (operation.input() != StabilityOperation.Input.PROMPT) {
            return Optional.of("a photoshoot is generated from the prompt, and " + operation.model()
                    + " edits an image; use stable-image-core or stable-image-ultra");
        }
        if (canvas.isEmpty()) {
            return Optional.of("a photoshoot needs the output size as the placement's canvas, and the request has none");
        }
        if (request.prompt() == null || request.prompt().isBlank()) {
            return Optional.of("a studio asset needs the prompt the studio built, and the request has none");
        }
        return Optional.empty();
    }

    /** How one request ended: with an answer to read, or with the job's failure. */
    private sealed interface Answer {
        record Received(HttpResponse<byte[]> response) implements Answer {
        }

        record Failed(ProviderJob.Failed job) implements Answer {
        }
    }

    /** One logical request and its attempts, with the key to keep out of every message. */
    private final class Exchange {
        private final Redactor redactor;
        private final String label;
        private final String model;
        private int calls;

        Exchange(Redactor redactor, String label, String model) {
            this.redactor = redactor;
            this.label = label;
            this.model = model;
        }

        int calls() {
            return calls;
        }

        Answer send(HttpRequest call) {
            for (int attempt = 1; ; attempt++) {
                Attempt outcome = attempt(call);
                if (outcome instanceof Attempt.Done done) {
                    return done.answer();
                }
                Attempt.Transient failure = (Attempt.Transient) outcome;
                if (attempt >= config.maxAttempts()) {
                    return new Answer.Failed(failed(failure.reason() + " (gave up after " + attempt + " attempts)", true));
                }
                Optional<Duration> asked = failure.retryAfter();
                if (asked.isPresent() && asked.get().compareTo(backoff.cap()) > 0) {
                    return new Answer.Failed(failed(failure.reason() + "; the provider asked to wait " + asked.get().toSeconds()
                            + " s, longer than the " + backoff.cap().toSeconds() + " s this client waits", true));
                }
                int failedAttempts = attempt;
                Duration wait = asked.orElseGet(() -> backoff.after(failedAttempts));
                LOG.log(System.Logger.Level.INFO, "{0} {1} {2}: attempt {3} of {4} failed ({5}); retrying in {6} ms", NAME,
                        model, label, attempt, config.maxAttempts(), redactor.redact(failure.reason()), wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Answer.Failed(failed("interrupted while waiting to retry after: " + failure.reason(), true));
                }
            }
        }

        private Attempt attempt(HttpRequest call) {
            HttpResponse<byte[]> response;
            calls++;
            httpCalls.incrementAndGet();
            try {
                response = http.send(call, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                return new Attempt.Transient("Stability AI did not answer within " + config.requestTimeout().toMillis() + " ms",
                        Optional.empty());
            } catch (IOException e) {
                return new Attempt.Transient("the connection to Stability AI failed (" + e.getClass().getSimpleName() + ")",
                        Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Attempt.Done(new Answer.Failed(failed("interrupted while waiting for Stability AI", true)));
            }
            int status = response.statusCode();
            if (status == 200 || status == 202) {
                return new Attempt.Done(new Answer.Received(response));
            }
            StabilityError error = StabilityError.parse(response.body());
            Optional<Duration> retryAfter = backoff.retryAfter(response.headers().firstValue("Retry-After"));
            if (error.contentModeration()) {
                return new Attempt.Done(new Answer.Failed(failed(REFUSED + " (HTTP " + status + ")" + error.describe(), false)));
            }
            if (status == 429) {
                return new Attempt.Transient("rate limited by Stability AI (HTTP 429)" + error.describe(), retryAfter);
            }
            if (status >= 500) {
                return new Attempt.Transient("Stability AI failed (HTTP " + status + ")" + error.describe(), retryAfter);
            }
            return new Attempt.Done(new Answer.Failed(failed(switch (status) {
                case 401 -> "the API key was rejected (HTTP 401)";
                case 402 -> "the Stability AI account has too few credits (HTTP 402)" + error.describe();
                case 403 -> "the API key may not use " + model + " (HTTP 403)" + error.describe();
                case 404 -> "Stability AI has no such generation or service for " + model
                        + "; results expire after a while (HTTP 404)" + error.describe();
                case 413 -> "the request is larger than Stability AI accepts (HTTP 413)" + error.describe();
                case 400, 422 -> "Stability AI rejected the request (HTTP " + status + ")" + error.describe();
                default -> "Stability AI refused the request (HTTP " + status + ")" + error.describe();
            }, false)));
        }

        ProviderJob.Failed failed(String reason, boolean retryable) {
            String safeReason = redactor.redact(reason);
            LOG.log(System.Logger.Level.WARNING, "{0} {1} {2} failed{3}: {4}", NAME, model, label,
                    retryable ? " (retryable)" : "", safeReason);
            return new ProviderJob.Failed(safeReason, retryable);
        }
    }

    /** How one HTTP attempt ended: finished (answer or failure), or a transient failure worth another attempt. */
    private sealed interface Attempt {
        record Done(Answer answer) implements Attempt {
        }

        record Transient(String reason, Optional<Duration> retryAfter) implements Attempt {
        }
    }
}
