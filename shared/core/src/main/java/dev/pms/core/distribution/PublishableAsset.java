package dev.pms.core.distribution;

/**
 * The current asset of a campaign node as the exports use it: the copy of a text asset ({@code text}), where the
 * file of a media asset is stored ({@code storageKey}) and the words a media asset shows ({@code shownText}: an
 * image's headline, sub-line and CTA, a video's slides), the message of a post that has no copy asset; any may be null.
 */
public record PublishableAsset(String assetId, String text, String storageKey, String shownText) {

    public PublishableAsset(String assetId, String text, String storageKey) {
        this(assetId, text, storageKey, null);
    }
}
