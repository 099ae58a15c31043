package dev.pms.core.asset;

import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.pack.GeneratedAssets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link GeneratedAssets} from the asset library: the ready assets of the campaign's latest run and the assets its nodes
 * adopted when variants were published (the newer of the two for a node that has both), media read once.
 */
public final class LibraryAssets implements GeneratedAssets {
    private static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;

    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final MediaStore media;
    private final PublishedAssets published;

    public LibraryAssets(GenerationRunRepository runs, AssetRepository assets, MediaStore media) {
        this(runs, assets, media, PublishedAssets.none());
    }

    public LibraryAssets(GenerationRunRepository runs, AssetRepository assets, MediaStore media,
                         PublishedAssets published) {
        this.runs = runs;
        this.assets = assets;
        this.media = media;
        this.published = published;
    }

    @Override
    public Map<String, Ready> readyFor(String userId, String campaignId) {
        Map<String, Ready> ready = new LinkedHashMap<>();
        LibraryPublishableAssets.current(userId, campaignId, runs, assets, published, null).forEach((node, asset) -> {
            if (asset.storageKey() == null) {
                return;
            }
            byte[] bytes = null;
            if (asset.textContent() == null) {
                try {
                    bytes = media.read(asset.storageKey(), MAX_IMAGE_BYTES).orElse(null);
                } catch (MediaTooLargeException e) {
                    return;
                }
                if (bytes == null) {
                    return;
                }
            }
            ready.put(node, new Ready(asset.assetLibraryId(), bytes, asset.textContent(), asset.provider(),
                    asset.model()));
        });
        return ready;
    }
}
