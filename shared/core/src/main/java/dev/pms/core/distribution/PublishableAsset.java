package dev.pms.core.distribution;

/**
 * The current asset of a campaign node as the exports use it: the copy of a text asset ({@code text}) and where the
 * file of a media asset is stored ({@code storageKey}); either may be null.
 */
public record PublishableAsset(String assetId, String text, String storageKey) {
}
