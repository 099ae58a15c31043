package dev.pms.core.asset;

import dev.pms.core.board.AssetPreviews;
import dev.pms.core.brand.BrandConsistency;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.media.MediaStore;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Board and export previews from the asset library: the ready asset the campaign's latest generation run made for
 * each node (one read of the run and one batch read of its assets), presigned; nodes without one fall back to
 * {@code otherwise} (the node's latest upload).
 */
public final class LibraryAssetPreviews implements AssetPreviews {
    static final Duration PREVIEW_TTL = Duration.ofHours(1);

    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final MediaStore media;
    private final AssetPreviews otherwise;

    public LibraryAssetPreviews(GenerationRunRepository runs, AssetRepository assets, MediaStore media,
                                AssetPreviews otherwise) {
        this.runs = runs;
        this.assets = assets;
        this.media = media;
        this.otherwise = otherwise;
    }

    @Override
    public Optional<String> previewUrl(String userId, String campaignId, String assetId) {
        return Optional.ofNullable(previewUrls(userId, campaignId, List.of(assetId)).get(assetId));
    }

    @Override
    public Map<String, String> previewUrls(String userId, String campaignId, Collection<String> assetIds) {
        Set<String> wanted = new HashSet<>(assetIds);
        Map<String, String> urls = new LinkedHashMap<>();
        runs.find(userId, campaignId).ifPresent(run -> {
            List<String> libraryIds = run.assetLibraryIds().entrySet().stream()
                    .filter(entry -> wanted.contains(entry.getKey())).map(Map.Entry::getValue).toList();
            for (AssetRecord asset : assets.findAll(userId, libraryIds)) {
                if (asset.status() == AssetStatus.READY && asset.storageKey() != null) {
                    urls.put(asset.assetId(), media.presignDownload(asset.storageKey(), PREVIEW_TTL).url());
                }
            }
        });
        Set<String> missing = new HashSet<>(wanted);
        missing.removeAll(urls.keySet());
        if (!missing.isEmpty()) {
            urls.putAll(otherwise.previewUrls(userId, campaignId, missing));
        }
        return urls;
    }

    @Override
    public Map<String, Double> brandConsistency(String userId, String campaignId, Collection<String> assetIds) {
        Set<String> wanted = new HashSet<>(assetIds);
        Map<String, Double> scores = new LinkedHashMap<>();
        runs.find(userId, campaignId).ifPresent(run -> {
            List<String> libraryIds = run.assetLibraryIds().entrySet().stream()
                    .filter(entry -> wanted.contains(entry.getKey())).map(Map.Entry::getValue).toList();
            for (AssetRecord asset : assets.findAll(userId, libraryIds)) {
                if (asset.status() == AssetStatus.READY
                        && asset.details().get(BrandConsistency.DETAILS_KEY) instanceof Number score) {
                    scores.put(asset.assetId(), score.doubleValue());
                }
            }
        });
        return scores;
    }
}
