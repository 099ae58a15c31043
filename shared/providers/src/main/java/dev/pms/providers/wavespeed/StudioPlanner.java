package dev.pms.providers.wavespeed;

import dev.pms.core.channel.Canvas;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.StudioBrief;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Plans a product-studio asset for a WaveSpeed model, refusing before any call what the model would refuse. */
final class StudioPlanner {

    private StudioPlanner() {
    }

    static StudioPlan plan(GenerationRequest request, WaveSpeedModel model) {
        StudioBrief studio = request.studio();
        StudioBrief.Operation operation = studio.operation();
        Set<WaveSpeedModel> fit = studioModels(operation);
        if (!fit.contains(model)) {
            return StudioPlan.refused("the studio's " + operation.code().replace('_', ' ') + " is not made with "
                    + model.code() + "; " + WaveSpeedProvider.NAME + " makes it with "
                    + fit.stream().map(WaveSpeedModel::code).sorted().collect(Collectors.joining(", ")));
        }
        Canvas canvas = RequestParts.canvasOf(request);
        if (operation != StudioBrief.Operation.AVATAR_EXPLAINER && canvas == null) {
            return StudioPlan.refused("a studio " + operation.code().replace('_', ' ')
                    + " needs the output size as the placement's canvas, and the request has none");
        }
        if (operation != StudioBrief.Operation.AVATAR_EXPLAINER
                && (request.prompt() == null || request.prompt().isBlank())) {
            return StudioPlan.refused("a studio asset needs the prompt the studio built, and the request has none");
        }
        StudioTag tag = StudioTag.of(request);
        double audioSeconds = 0;
        if (studio.audio() != null) {
            if (operation == StudioBrief.Operation.PHOTOSHOOT) {
                return StudioPlan.refused("a photoshoot takes no audio");
            }
            Optional<String> unreadable = unreadableAudio(studio.audio());
            if (unreadable.isPresent()) {
                return StudioPlan.refused(unreadable.get());
            }
            audioSeconds = MediaProbe.audioSeconds(studio.audio()).orElseThrow();
            tag = tag.with("audio", "given");
        }
        return switch (operation) {
            case PHOTOSHOOT -> photoshoot(request, model, tag);
            case ANIMATE -> animation(request, canvas, audioSeconds, tag);
            case PRODUCT_VIDEO -> productVideo(request, model, canvas, audioSeconds, tag);
            case AVATAR_EXPLAINER -> avatarExplainer(request, model, audioSeconds, tag);
        };
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

    private static Optional<String> unreadableAudio(byte[] audio) {
        String format = MediaProbe.sniff(audio).orElse("");
        if (!format.equals("audio/wav") && !format.equals("audio/mpeg")) {
            return Optional.of("the voice must be a WAV or MP3 file, and the audio given is neither");
        }
        Optional<Double> measured = MediaProbe.audioSeconds(audio);
        if (measured.isEmpty() || measured.get() <= 0) {
            return Optional.of("the length of the " + (format.equals("audio/wav") ? "WAV" : "MP3")
                    + " audio given could not be read from it");
        }
        return Optional.empty();
    }

    private static StudioPlan photoshoot(GenerationRequest request, WaveSpeedModel model, StudioTag tag) {
        Optional<String> refused = RequestRefusals.refusal(request, model);
        if (refused.isPresent()) {
            return StudioPlan.refused(refused.get());
        }
        if ("transparent".equalsIgnoreCase(request.studio().setting("background_style", "").strip())) {
            tag = tag.with("bg", "transparent");
        }
        return new StudioPlan(null, null, null, 0, tag);
    }

    private static StudioPlan animation(GenerationRequest request, Canvas canvas, double audioSeconds,
                                        StudioTag tag) {
        StudioBrief studio = request.studio();
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
        Optional<String> sound = wanAudioRefusal(studio, audioSeconds);
        if (sound.isPresent()) {
            return StudioPlan.refused(sound.get());
        }
        if (keyFrame.reshaped()) {
            tag = tag.with("kf", keyFrame.sourceWidth() + "x" + keyFrame.sourceHeight() + "-"
                    + keyFrame.width() + "x" + keyFrame.height());
        }
        return new StudioPlan(null, keyFrame, null, audioSeconds, tag);
    }

    private static StudioPlan productVideo(GenerationRequest request, WaveSpeedModel model, Canvas canvas,
                                           double audioSeconds, StudioTag tag) {
        StudioBrief studio = request.studio();
        Optional<String> duration = InputRules.wanDuration(studio.durationSeconds());
        if (duration.isPresent()) {
            return StudioPlan.refused(duration.get());
        }
        Optional<ImageSizing.Requested> size = ImageSizing.wanTextToVideoSize(model.resolution(),
                canvas.width(), canvas.height());
        if (size.isEmpty()) {
            return StudioPlan.refused(RequestRefusals.textToVideoShape(model, canvas));
        }
        Optional<String> sound = wanAudioRefusal(studio, audioSeconds);
        if (sound.isPresent()) {
            return StudioPlan.refused(sound.get());
        }
        return new StudioPlan(null, null, size.get(), audioSeconds, tag.with("size", size.get().value()));
    }

    private static StudioPlan avatarExplainer(GenerationRequest request, WaveSpeedModel model, double audioSeconds,
                                              StudioTag tag) {
        if (request.studio().audio() == null) {
            if (request.script() == null || request.script().isBlank()) {
                return StudioPlan.refused("an avatar explainer needs a script to speak or the audio to "
                        + "lip-sync, and the request has neither");
            }
            Optional<String> refused = RequestRefusals.refusal(request, model);
            if (refused.isPresent()) {
                return StudioPlan.refused(refused.get());
            }
        }
        return new StudioPlan(null, null, null, audioSeconds, tag);
    }

    private static Optional<String> wanAudioRefusal(StudioBrief studio, double audioSeconds) {
        return studio.audio() == null ? Optional.empty() : InputRules.wanAudio(studio.audio().length, audioSeconds);
    }
}
