package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.channel.VideoLimits;
import dev.pms.core.generation.StudioBrief.Operation;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.pricing.QualityTier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a product-studio asset is kept in the asset library and turned back into a provider request: a studio record
 * belongs to the pseudo-campaign {@value #CAMPAIGN_ID} and no channel, its placement is {@code studio/<operation>},
 * and everything its request needs (the brief, the frame, the product facts, the brand inputs and where the caller's
 * picture and voice were stored) is kept under {@code details.studio}, so a redelivered job makes the same asset.
 */
public final class StudioAssets implements DetachedJobs {
    public static final String CAMPAIGN_ID = "studio";
    public static final String SOURCE = "source";
    public static final String STUDIO = "studio";
    /** Pictures and voices larger than this are never read back (the edge refuses them long before). */
    static final long MAX_INPUT_BYTES = 20L * 1024 * 1024;

    private final MediaStore media;

    public StudioAssets(MediaStore media) {
        this.media = media;
    }

    /** What a studio record keeps to remake its request, as stored under {@code details.studio}. */
    public record Spec(String jobId, List<String> jobAssetIds, StudioBrief brief, int width, int height, String ratio,
                       String resolution, Map<String, Object> productContext, List<String> palette,
                       List<String> forbiddenPhrases, QualityTier tier, String script, String imageKey,
                       String audioKey, double audioSeconds) {
    }

    public static boolean isStudio(AssetRecord asset) {
        return CAMPAIGN_ID.equals(asset.campaignId()) && asset.details().get(STUDIO) instanceof Map<?, ?>;
    }

    @Override
    public boolean owns(AssetRecord asset) {
        return isStudio(asset);
    }

    @Override
    public GenerationRequest request(String userId, AssetRecord asset, String providerName) {
        return requestFor(asset, providerName);
    }

    @Override
    public Map<String, Object> keptDetails(AssetRecord asset) {
        return lineage(asset);
    }

    public static String placementKey(Operation operation) {
        return CAMPAIGN_ID + "/" + operation.code();
    }

    /** The record's details for a spec: {@code source: studio} and the spec under {@code studio}. */
    public static Map<String, Object> details(Spec spec, Map<String, String> provenance) {
        Map<String, Object> studio = new LinkedHashMap<>();
        studio.put("job_id", spec.jobId());
        if (spec.jobAssetIds() != null) {
            studio.put("job_asset_ids", spec.jobAssetIds());
        }
        StudioBrief brief = spec.brief();
        studio.put("operation", brief.operation().code());
        studio.put("preset", brief.preset());
        studio.put("look", brief.settings());
        studio.put("duration_seconds", brief.durationSeconds());
        List<Map<String, String>> scenes = new ArrayList<>();
        brief.scenes().forEach(scene -> scenes.add(Map.of("purpose", scene.purpose(), "on_screen_text",
                scene.onScreenText(), "narration", scene.narration())));
        studio.put("scenes", scenes);
        studio.put("variation", brief.variation());
        studio.put("variations", brief.variations());
        studio.put("width", spec.width());
        studio.put("height", spec.height());
        studio.put("ratio", spec.ratio());
        studio.put("resolution", spec.resolution());
        studio.put("product_context", spec.productContext());
        studio.put("palette", spec.palette());
        studio.put("forbidden_phrases", spec.forbiddenPhrases());
        studio.put("tier", spec.tier().code());
        putIfPresent(studio, "script", spec.script());
        putIfPresent(studio, "image_key", spec.imageKey());
        putIfPresent(studio, "audio_key", spec.audioKey());
        putIfPresent(studio, "audio_type", brief.audioMimeType());
        if (spec.audioKey() != null) {
            studio.put("audio_seconds", spec.audioSeconds());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(SOURCE, STUDIO);
        details.put(STUDIO, studio);
        details.put("prompt_provenance", provenance);
        return details;
    }

    /** The details a studio record keeps once made: its source, its spec and its prompt's provenance. */
    public static Map<String, Object> lineage(AssetRecord asset) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String key : List.of(SOURCE, STUDIO, "prompt_provenance")) {
            if (asset.details().containsKey(key)) {
                kept.put(key, asset.details().get(key));
            }
        }
        return kept;
    }

    /** The spec a studio record keeps. */
    public static Spec specOf(AssetRecord asset) {
        Map<?, ?> studio = (Map<?, ?>) asset.details().get(STUDIO);
        Operation operation = Operation.valueOf(text(studio, "operation").toUpperCase(Locale.ROOT));
        List<StudioBrief.Scene> scenes = new ArrayList<>();
        if (studio.get("scenes") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> scene) {
                    scenes.add(new StudioBrief.Scene(text(scene, "purpose"), text(scene, "on_screen_text"),
                            text(scene, "narration")));
                }
            }
        }
        Map<String, String> look = new LinkedHashMap<>();
        if (studio.get("look") instanceof Map<?, ?> stored) {
            stored.forEach((key, value) -> look.put(String.valueOf(key), String.valueOf(value)));
        }
        StudioBrief brief = new StudioBrief(operation, text(studio, "preset"), look, number(studio, "duration_seconds"),
                scenes, null, text(studio, "audio_type"), number(studio, "variation"), number(studio, "variations"));
        Map<String, Object> context = new LinkedHashMap<>();
        if (studio.get("product_context") instanceof Map<?, ?> stored) {
            stored.forEach((key, value) -> context.put(String.valueOf(key), value));
        }
        Object ids = studio.get("job_asset_ids");
        return new Spec(text(studio, "job_id"), ids instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : null, brief, number(studio, "width"), number(studio, "height"), text(studio, "ratio"),
                text(studio, "resolution"), context, strings(studio.get("palette")),
                strings(studio.get("forbidden_phrases")),
                QualityTier.parse(text(studio, "tier")).orElse(QualityTier.DEFAULT), text(studio, "script"),
                text(studio, "image_key"), text(studio, "audio_key"),
                studio.get("audio_seconds") instanceof Number seconds ? seconds.doubleValue() : 0);
    }

    /** The provider request for a studio record's next attempt, with the caller's picture and voice read back. */
    public GenerationRequest requestFor(AssetRecord asset, String providerName) {
        Spec spec = specOf(asset);
        StudioBrief stored = spec.brief();
        byte[] audio = spec.audioKey() == null ? null : read(spec.audioKey());
        StudioBrief brief = new StudioBrief(stored.operation(), stored.preset(), stored.settings(),
                stored.durationSeconds(), stored.scenes(), audio, stored.audioMimeType(), stored.variation(),
                stored.variations());
        byte[] picture = spec.imageKey() == null ? null : read(spec.imageKey());
        return new GenerationRequest(asset.assetLibraryId() + "#" + asset.attempts(), asset.assetId(),
                asset.assetType(), placement(asset, spec), asset.prompt(), stored.preset(), asset.prompt(),
                spec.productContext(), spec.palette(), spec.forbiddenPhrases(), providerName, asset.model(), spec.tier(),
                picture, spec.script(), null, null, null, brief);
    }

    /** The frame a studio asset is made at, as a placement of the studio's own. */
    static Placement placement(AssetRecord asset, Spec spec) {
        int seconds = spec.brief().durationSeconds();
        VideoLimits video = seconds > 0 ? new VideoLimits(seconds, seconds, null)
                : spec.audioSeconds() > 0 ? new VideoLimits(1, (int) Math.ceil(spec.audioSeconds()), null) : null;
        return new Placement(asset.placement(), null, asset.assetType(),
                new Canvas(spec.width(), spec.height(), spec.ratio(), 0.01), null, null, null,
                List.of(asset.assetType() == AssetType.IMAGE ? "png" : "mp4"),
                new SafeZone(0.05, 0.05, 0.05, 0.05), List.of(), null, video, List.of(), "product studio request", null);
    }

    private byte[] read(String key) {
        try {
            return media.read(key, MAX_INPUT_BYTES).orElseThrow(() -> new IllegalStateException(
                    "the studio input " + key + " is missing"));
        } catch (MediaTooLargeException e) {
            throw new IllegalStateException("the studio input " + key + " is larger than allowed", e);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static int number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number number ? number.intValue() : 0;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
