package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.media.ProductPhoto;
import dev.pms.core.pricing.QualityTier;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

import java.util.List;
import java.util.Map;

/** Product-studio requests and MP4 readers for the studio engine tests. */
final class StudioRequests {
    static final Map<String, Object> SERUM = Map.of(
            "product_name", "Glow Serum",
            "product_description", "A brightening vitamin C face serum in a glass bottle.",
            "brand_name", "Lumen");
    static final List<String> PALETTE = List.of("#1F6FEB", "#0D1117", "#F78166");
    /** A quick, deterministic stand-in for the speech engine: a beep per word. */
    static final SpeechSynthesizer BEEPS = new SpeechSynthesizer() {
        @Override
        public String engine() {
            return "test-beeps";
        }

        @Override
        public SpeechAudio speak(String text) {
            return ToneTrack.forScript(text);
        }
    };

    private StudioRequests() {
    }

    static Placement canvas(int width, int height) {
        return new Placement("studio/test", null, AssetType.IMAGE, new Canvas(width, height, width + ":" + height, 0.01),
                null, null, null, null, new SafeZone(0.05, 0.05, 0.05, 0.05), null, null, null, null, null, null);
    }

    static GenerationRequest request(AssetType type, int width, int height, StudioBrief brief) {
        return request("asset-1", type, width, height, brief, null, null, null);
    }

    static GenerationRequest request(String assetId, AssetType type, int width, int height, StudioBrief brief,
                                     byte[] keyFrame, String script, ProductPhoto photo) {
        return new GenerationRequest("job-1", assetId, type, canvas(width, height), "A studio asset for Glow Serum", null,
                null, SERUM, PALETTE, List.of(), "offline", null, QualityTier.STANDARD, keyFrame, script,
                new GenerationRequest.Presenter("Ada Brooks", "Skincare lead"), null, photo, brief);
    }

    static StudioBrief photoshoot(Map<String, String> settings, int variation, int variations) {
        return new StudioBrief(StudioBrief.Operation.PHOTOSHOOT, "photoshoot", settings, 0, List.of(), null, null, variation,
                variations);
    }

    static StudioBrief animation(String preset, int seconds) {
        return new StudioBrief(StudioBrief.Operation.ANIMATE, preset, Map.of(), seconds, List.of(), null, null, 1, 1);
    }

    static StudioBrief productVideo(String preset, int seconds, List<StudioBrief.Scene> scenes) {
        return new StudioBrief(StudioBrief.Operation.PRODUCT_VIDEO, preset, Map.of(), seconds, scenes, null, null, 1, 1);
    }

    static StudioBrief explainer(byte[] audio, String mimeType) {
        return new StudioBrief(StudioBrief.Operation.AVATAR_EXPLAINER, "product_overview", Map.of(), 0, List.of(), audio,
                mimeType, 1, 1);
    }

    static DemuxerTrackMeta videoTrack(byte[] mp4) throws Exception {
        try (MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(new InMemoryChannel(mp4))) {
            return demuxer.getVideoTrack().getMeta();
        }
    }

    static DemuxerTrackMeta audioTrack(byte[] mp4) throws Exception {
        try (MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(new InMemoryChannel(mp4))) {
            return demuxer.getAudioTracks().isEmpty() ? null : demuxer.getAudioTracks().get(0).getMeta();
        }
    }
}
