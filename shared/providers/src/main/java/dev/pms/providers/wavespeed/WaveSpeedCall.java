package dev.pms.providers.wavespeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.pricing.PriceEntry;
import dev.pms.core.pricing.PriceTable;
import dev.pms.providers.http.Redactor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One submit or poll: its calls, counted from those the asset used before, and the key to keep out of text. */
final class WaveSpeedCall {
    private static final System.Logger LOG = System.getLogger(WaveSpeedProvider.class.getName());

    private final WaveSpeedConfig config;
    private final PriceTable prices;
    private final ObjectMapper mapper;
    private final Redactor redactor;
    private final String label;
    private final WaveSpeedHttp http;

    WaveSpeedCall(WaveSpeedConfig config, PriceTable prices, ObjectMapper mapper, WaveSpeedHttp http,
                  Redactor redactor, String label) {
        this.config = config;
        this.prices = prices;
        this.mapper = mapper;
        this.http = http;
        this.redactor = redactor;
        this.label = label;
    }

    ProviderJob submit(GenerationRequest request, WaveSpeedModel model, StudioTag studio)
            throws WaveSpeedException {
        Canvas canvas = RequestParts.canvasOf(request);
        int width = canvas == null ? 0 : canvas.width();
        int height = canvas == null ? 0 : canvas.height();
        return switch (model.assetType()) {
            case IMAGE -> {
                ObjectNode body = imageBody(request, model, width, height);
                yield started(model, body, width, height, 0, 0, null, null, studio);
            }
            case VIDEO -> {
                int seconds = InputRules.wanSeconds(RequestParts.videoLimitsOf(request));
                if (model.textToVideo()) {
                    ObjectNode body = mapper.createObjectNode()
                            .put("prompt", RequestParts.promptOf(request))
                            .put("size", ImageSizing.wanTextToVideoSize(model.resolution(), width, height)
                                    .orElseThrow().value())
                            .put("duration", seconds)
                            .put("enable_prompt_expansion", false)
                            .put("seed", -1);
                    yield started(model, body, width, height, seconds, 0, null, null, studio);
                }
                ObjectNode body = mapper.createObjectNode()
                        .put("image", dataUri(request.keyFrame()))
                        .put("prompt", RequestParts.promptOf(request))
                        .put("resolution", model.resolution())
                        .put("duration", seconds)
                        .put("enable_prompt_expansion", false)
                        .put("seed", -1);
                yield started(model, body, width, height, seconds, 0, null, null, studio);
            }
            case AUDIO -> {
                String script = RequestParts.scriptOf(request);
                yield started(model, speechBody(script), width, height,
                        InputRules.estimatedSpeechSeconds(script), script.length(), null, null, studio);
            }
            case AVATAR -> {
                String script = RequestParts.scriptOf(request);
                String keyFrameUrl = upload(request.keyFrame(), "key-frame");
                yield started(WaveSpeedModel.SPEECH_02_HD, speechBody(script), width, height,
                        InputRules.estimatedSpeechSeconds(script), script.length(), model, keyFrameUrl, studio);
            }
            case TEXT -> throw new WaveSpeedException(WaveSpeedProvider.NAME + " does not write copy", false);
        };
    }

    ProviderJob submitVoiced(GenerationRequest request, WaveSpeedModel model, byte[] audio, double seconds)
            throws WaveSpeedException {
        Canvas canvas = RequestParts.canvasOf(request);
        int width = canvas == null ? 0 : canvas.width();
        int height = canvas == null ? 0 : canvas.height();
        ObjectNode body = mapper.createObjectNode()
                .put("image", dataUri(request.keyFrame()))
                .put("audio", dataUri(audio))
                .put("prompt", RequestParts.promptOf(request))
                .put("resolution", model.resolution())
                .put("seed", -1);
        double billed = seconds;
        if (model.assetType() == AssetType.VIDEO) {
            int clip = request.isStudio() ? request.studio().durationSeconds()
                    : InputRules.wanSeconds(RequestParts.videoLimitsOf(request));
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
        Canvas canvas = RequestParts.canvasOf(request);
        ObjectNode body = mapper.createObjectNode()
                .put("image", dataUri(plan.keyFrame().bytes()))
                .put("prompt", StudioInputs.animationPrompt(request.prompt().strip(), studio.preset()))
                .put("resolution", model.resolution())
                .put("duration", studio.durationSeconds())
                .put("enable_prompt_expansion", false)
                .put("seed", -1);
        RequestParts.negativePrompt(request).ifPresent(text -> body.put("negative_prompt", text));
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
        Canvas canvas = RequestParts.canvasOf(request);
        StudioInputs.Storyline story = StudioInputs.storyline(request.prompt().strip(), studio.scenes());
        ObjectNode body = mapper.createObjectNode()
                .put("prompt", story.prompt())
                .put("size", plan.size().value())
                .put("duration", studio.durationSeconds())
                .put("enable_prompt_expansion", false)
                .put("seed", -1);
        RequestParts.negativePrompt(request).ifPresent(text -> body.put("negative_prompt", text));
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
            return failed(WaveSpeedProvider.REFUSED + ": WaveSpeed flagged the output as NSFW", false);
        }
        if (prediction.outputs().isEmpty() && handle.model() == WaveSpeedModel.VOICE_CLONE) {
            return clonedWithoutPreview(handle, prediction);
        }
        if (prediction.outputs().isEmpty()) {
            throw new WaveSpeedException(WaveSpeedProvider.MALFORMED + ": the completed prediction has no outputs", false);
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
        return new ProviderJob.Completed(new GeneratedMedia(new byte[0], null, null, null, null, null, WaveSpeedProvider.NAME,
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
                    ? failed(WaveSpeedProvider.REFUSED + prediction.error().describe(), false)
                    : failed("the WaveSpeed prediction " + prediction.id() + " " + prediction.status()
                    + prediction.error().describe(), true);
            default -> throw new WaveSpeedException(WaveSpeedProvider.MALFORMED + ": the prediction status '" + prediction.status()
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
            throw new WaveSpeedException(WaveSpeedProvider.MALFORMED + ": the output is not an image this client can read", false);
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
                WaveSpeedProvider.NAME, handle.model().code(), cost(handle.model(), 0, 0), details);
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
        return new GeneratedMedia(download.bytes(), mime, null, info.width(), info.height(), round(seconds), WaveSpeedProvider.NAME,
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
                seconds == null ? null : round(seconds), WaveSpeedProvider.NAME, handle.model().code(),
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
            throw new WaveSpeedException(WaveSpeedProvider.MALFORMED + ": the upload answer lacks data.download_url or "
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
        ObjectNode body = mapper.createObjectNode().put("prompt", RequestParts.promptOf(request));
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
        throw new WaveSpeedException(WaveSpeedProvider.MALFORMED + ": '" + text + "' is not an http(s) URL", false);
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
}
