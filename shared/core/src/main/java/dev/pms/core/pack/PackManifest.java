package dev.pms.core.pack;

import java.time.Instant;
import java.util.List;

/** The {@code manifest.json} at the root of a pack's ZIP; {@code valid} is true when every hard check passed. */
public record PackManifest(String packId, String campaignId, Instant createdAt, boolean valid,
                           List<PackFile> files, List<SkippedAsset> skipped) {

    public PackManifest {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }
}
