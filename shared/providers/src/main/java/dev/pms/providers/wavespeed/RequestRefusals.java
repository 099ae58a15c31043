package dev.pms.providers.wavespeed;

import dev.pms.core.channel.Canvas;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.QualityTier;

import java.util.Optional;

/** The WaveSpeed model a request gets, and why that model would refuse it, found without a call. */
final class RequestRefusals {

    private RequestRefusals() {
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
                if (RequestParts.canvasOf(request) == null) {
                    yield Optional.of("an image needs the placement's canvas, and the request has none");
                }
                if (model == WaveSpeedModel.QWEN_IMAGE_EDIT && !RequestParts.isImage(request.keyFrame())) {
                    yield Optional.of("Qwen image edit needs the image to edit as the key frame, and the request has "
                            + (request.keyFrame() == null ? "none" : "no readable image"));
                }
                yield Optional.empty();
            }
            case VIDEO -> {
                if (model.textToVideo()) {
                    Canvas canvas = RequestParts.canvasOf(request);
                    if (canvas == null) {
                        yield Optional.of("WAN 2.5 text-to-video needs the placement's canvas for its frame size, "
                                + "and the request has none");
                    }
                    if (ImageSizing.wanTextToVideoSize(model.resolution(), canvas.width(), canvas.height()).isEmpty()) {
                        yield Optional.of(textToVideoShape(model, canvas));
                    }
                    try {
                        InputRules.wanSeconds(RequestParts.videoLimitsOf(request));
                    } catch (IllegalArgumentException e) {
                        yield Optional.of(e.getMessage());
                    }
                    yield Optional.empty();
                }
                Optional<String> image = InputRules.wanImage(request.keyFrame());
                if (image.isPresent()) {
                    yield image;
                }
                if (!RequestParts.isImage(request.keyFrame())) {
                    yield Optional.of("WAN 2.5 animates an image, and the key frame is no readable image");
                }
                try {
                    InputRules.wanSeconds(RequestParts.videoLimitsOf(request));
                } catch (IllegalArgumentException e) {
                    yield Optional.of(e.getMessage());
                }
                yield Optional.empty();
            }
            case AVATAR -> {
                String script = RequestParts.scriptOf(request);
                Optional<String> text = InputRules.speechText(script);
                if (text.isPresent()) {
                    yield text;
                }
                if (!RequestParts.isImage(request.keyFrame())) {
                    yield Optional.of("an avatar needs the presenter's image as the key frame, and the request has "
                            + (request.keyFrame() == null ? "none" : "no readable image"));
                }
                if (model == WaveSpeedModel.INFINITETALK_480P || model == WaveSpeedModel.INFINITETALK_720P) {
                    yield InputRules.infiniteTalkSeconds(InputRules.estimatedSpeechSeconds(script));
                }
                yield Optional.empty();
            }
            case AUDIO -> InputRules.speechText(RequestParts.scriptOf(request));
            case TEXT -> Optional.of(WaveSpeedProvider.NAME + " does not write copy");
        };
    }

    static Optional<String> audioRefusal(GenerationRequest request, WaveSpeedModel model, byte[] audio,
                                         double seconds) {
        if (audio == null || audio.length == 0) {
            return Optional.of("the voice is empty");
        }
        if (!RequestParts.isImage(request.keyFrame())) {
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
                    InputRules.wanSeconds(RequestParts.videoLimitsOf(request));
                } catch (IllegalArgumentException e) {
                    yield Optional.of(e.getMessage());
                }
                yield Optional.empty();
            }
            case INFINITETALK_480P, INFINITETALK_720P -> InputRules.infiniteTalkSeconds(seconds);
            default -> Optional.empty();
        };
    }

    static String textToVideoShape(WaveSpeedModel model, Canvas canvas) {
        return "WAN 2.5 text-to-video at " + model.resolution() + " makes "
                + String.join(" or ", ImageSizing.WAN_TEXT_TO_VIDEO_SIZES.get(model.resolution())).replace('*', 'x')
                + " frames; the canvas " + canvas.width() + "x" + canvas.height() + " has neither shape";
    }
}
