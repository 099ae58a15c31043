package dev.pms.core.asset;

import dev.pms.core.board.AssetPreviews;
import dev.pms.core.board.PresignedAssetPreviews;
import dev.pms.core.brand.BrandConsistency;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.media.MediaStore;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Board and export previews from the asset library: the ready asset the campaign's latest generation run made for
 * each node (one read of the run and one batch read of its assets), presigned; nodes without one fall back to
 * {@code otherwise} (the node's latest upload).
 */
public final class LibraryAssetPreviews extends PresignedAssetPreviews {
    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final AssetPreviews otherwise;

    public LibraryAssetPreviews(GenerationRunRepository runs, AssetRepository assets, MediaStore media,
                                AssetPreviews otherwise) {
        super(media);
        this.runs = runs;
        this.assets = assets;
        this.otherwise = otherwise;
    }

    @Override
    public Map<String, String> previewUrls(String userId, String campaignId, Collection<String> assetIds) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (AssetRecord asset : readyAssets(userId, campaignId, assetIds)) {
            if (asset.storageKey() != null) {
                urls.put(asset.assetId(), presigned(asset.storageKey()));
            }
        }
        Set<String> missing = new HashSet<>(assetIds);
        missing.removeAll(urls.keySet());
        if (!missing.isEmpty()) {
            urls.putAll(otherwise.previewUrls(userId, campaignId, missing));
        }
        return urls;
    }

    @Override
    public Map<String, Double> brandConsistency(String userId, String campaignId, Collection<String> assetIds) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (AssetRecord asset : readyAssets(userId, campaignId, assetIds)) {
            if (asset.details().get(BrandConsistency.DETAILS_KEY) instanceof Number score) {
                scores.put(asset.assetId(), score.doubleValue());
            }
        }
        return scores;
    }

    /** The ready assets the campaign's latest run made for these nodes (none before the first run). */
    private List<AssetRecord> readyAssets(String userId, String campaignId, Collection<String> assetIds) {
        Set<String> wanted = new HashSet<>(assetIds);
        return runs.find(userId, campaignId)
                .map(run -> assets.findAll(userId, run.assetLibraryIds().entrySet().stream()
                        .filter(entry -> wanted.contains(entry.getKey())).map(Map.Entry::getValue).toList()))
                .orElse(List.of())
                .stream().filter(asset -> asset.status() == AssetStatus.READY).toList();
    }
}
