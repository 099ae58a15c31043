package dev.pms.core.distribution;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One post of a schedule as the exports write it: its slot, the copy to publish ({@code message}, from the generated
 * text of its copy asset, see {@link PostCopy}; empty for a post of media only) and links to its media, the main one first (a video before its
 * cover, images before the presenter and voice that went into a video).
 */
public record ExportedPost(String postId, Channel channel, String phase, OffsetDateTime publishAt, String title,
                           String message, List<String> mediaUrls, List<ScheduledPost> assets) {

    public ExportedPost {
        mediaUrls = List.copyOf(mediaUrls);
        assets = List.copyOf(assets);
    }

    /**
     * @param schedule  the schedule's slots, one per asset
     * @param current   the current asset of each node ({@link PublishableAssets})
     * @param linkToKey a lasting link to a stored file
     */
    public static List<ExportedPost> of(List<ScheduledPost> schedule, Map<String, PublishableAsset> current,
                                        UnaryOperator<String> linkToKey) {
        Map<String, List<ScheduledPost>> byPost = new LinkedHashMap<>();
        schedule.stream().sorted(DistributionPlanner.SCHEDULE_ORDER)
                .forEach(post -> byPost.computeIfAbsent(post.postId(), id -> new ArrayList<>()).add(post));
        List<ExportedPost> exported = new ArrayList<>();
        byPost.forEach((postId, assets) -> exported.add(of(postId, assets, current, linkToKey)));
        return exported;
    }

    private static ExportedPost of(String postId, List<ScheduledPost> assets, Map<String, PublishableAsset> current,
                                   UnaryOperator<String> linkToKey) {
        List<String> copy = new ArrayList<>();
        for (ScheduledPost asset : assets) {
            PublishableAsset made = current.get(asset.assetId());
            if (asset.assetType() == AssetType.TEXT && made != null && made.text() != null && !made.text().isBlank()) {
                copy.add(PostCopy.messageOf(made.text()));
            }
        }
        boolean hasVideo = assets.stream().anyMatch(asset -> asset.assetType() == AssetType.VIDEO);
        List<ScheduledPost> media = assets.stream()
                .filter(asset -> asset.assetType() != AssetType.TEXT)
                .filter(asset -> !hasVideo || asset.assetType() == AssetType.VIDEO || asset.assetType() == AssetType.IMAGE)
                .sorted(Comparator.comparingInt(asset -> PostGroups.mediaRank(asset.assetType())))
                .toList();
        List<String> mediaUrls = media.stream().map(asset -> current.get(asset.assetId()))
                .filter(made -> made != null && made.storageKey() != null)
                .map(made -> linkToKey.apply(made.storageKey())).toList();
        ScheduledPost lead = assets.stream().filter(asset -> asset.assetId().equals(postId)).findFirst()
                .orElse(assets.get(0));
        String title = media.isEmpty() ? lead.title() : media.get(0).title();
        return new ExportedPost(postId, lead.channel(), lead.phase(), lead.publishAt(), title,
                String.join("\n\n", copy), mediaUrls, assets);
    }
}
