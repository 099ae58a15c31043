package dev.pms.providers.wavespeed;

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
