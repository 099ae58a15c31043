package dev.pms.core.asset;

import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.pack.GeneratedAssets;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@link GeneratedAssets} from the asset library: the ready assets of the campaign's latest run, media read once. */
public final class LibraryAssets implements GeneratedAssets {
    private static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;

    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final MediaStore media;

    public LibraryAssets(GenerationRunRepository runs, AssetRepository assets, MediaStore media) {
        this.runs = runs;
        this.assets = assets;
        this.media = media;
    }

    @Override
    public Map<String, Ready> readyFor(String userId, String campaignId) {
        Map<String, Ready> ready = new LinkedHashMap<>();
        runs.find(userId, campaignId).ifPresent(run -> {
            for (AssetRecord asset : assets.findAll(userId, run.assetLibraryIds().values())) {
                if (asset.status() != AssetStatus.READY || asset.storageKey() == null) {
                    continue;
                }
                byte[] bytes = null;
                if (asset.textContent() == null) {
                    try {
                        bytes = media.read(asset.storageKey(), MAX_IMAGE_BYTES).orElse(null);
                    } catch (MediaTooLargeException e) {
                        continue;
                    }
                    if (bytes == null) {
                        continue;
                    }
                }
                ready.put(asset.assetId(), new Ready(asset.assetLibraryId(), bytes, asset.textContent(),
                        asset.provider(), asset.model()));
            }
        });
        return ready;
    }
}
