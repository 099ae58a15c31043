package dev.pms.core.asset;

import java.math.BigDecimal;

/**
 * The part of an asset record a run's progress shows: which node it is for, how far it got, what made it, what it
 * cost and took, and why it failed — small enough to be read for every asset of a run on every status poll.
 */
public record AssetProgress(String assetLibraryId, String assetId, AssetStatus status, String provider, String model,
                            BigDecimal costUsd, Long generationMs, String error) {

    public static AssetProgress of(AssetRecord asset) {
        return new AssetProgress(asset.assetLibraryId(), asset.assetId(), asset.status(), asset.provider(),
                asset.model(), asset.costUsd(), asset.generationMs(), asset.error());
    }
}
