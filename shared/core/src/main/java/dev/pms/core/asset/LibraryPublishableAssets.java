package dev.pms.core.asset;

import dev.pms.core.distribution.PublishableAsset;
import dev.pms.core.distribution.PublishableAssets;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.media.UploadRecord;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.media.UploadService;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each node's ready asset from the campaign's latest generation run (its copy or its stored file); a node without one
 * falls back to its latest upload.
 */
public final class LibraryPublishableAssets implements PublishableAssets {
    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final UploadRepository uploads;

    public LibraryPublishableAssets(GenerationRunRepository runs, AssetRepository assets, UploadRepository uploads) {
        this.runs = runs;
        this.assets = assets;
        this.uploads = uploads;
    }

    @Override
    public Map<String, PublishableAsset> current(String userId, String campaignId, Collection<String> assetIds) {
        Set<String> wanted = new HashSet<>(assetIds);
        Map<String, PublishableAsset> current = new LinkedHashMap<>();
        runs.find(userId, campaignId).ifPresent(run -> {
            List<String> libraryIds = run.assetLibraryIds().entrySet().stream()
                    .filter(entry -> wanted.contains(entry.getKey())).map(Map.Entry::getValue).toList();
            for (AssetRecord asset : assets.findAll(userId, libraryIds)) {
                if (asset.status() == AssetStatus.READY) {
                    current.put(asset.assetId(), new PublishableAsset(asset.assetId(), asset.textContent(),
                            asset.storageKey()));
                }
            }
        });
        if (current.size() < wanted.size()) {
            Set<String> generated = Set.copyOf(current.keySet());
            for (UploadRecord upload : uploads.forCampaign(userId, campaignId)) {
                if (upload.nodeId() != null && wanted.contains(upload.nodeId()) && !generated.contains(upload.nodeId())) {
                    current.put(upload.nodeId(), new PublishableAsset(upload.nodeId(), null,
                            UploadService.keyOf(userId, upload.assetId())));
                }
            }
        }
        return current;
    }
}
