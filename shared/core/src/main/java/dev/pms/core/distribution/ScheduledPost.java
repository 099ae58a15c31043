package dev.pms.core.distribution;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.time.OffsetDateTime;

/**
 * One asset's slot in a distribution schedule. Assets published together (an image and the caption written for it)
 * share one slot and one {@code postId}: the asset id of the post's copy, or of its main media when it has no copy.
 * Schedules stored before posts were grouped have no post id; each of their assets is its own post.
 */
public record ScheduledPost(String assetId, Channel channel, AssetType assetType, String placement, String title,
                            String phase, OffsetDateTime publishAt, String postId) {

    public ScheduledPost {
        postId = postId == null || postId.isBlank() ? assetId : postId;
    }
}
