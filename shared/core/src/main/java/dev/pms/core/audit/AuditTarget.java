package dev.pms.core.audit;

import dev.pms.core.channel.Channel;
import dev.pms.core.channel.Placement;

import java.util.List;
import java.util.Optional;

/**
 * What an image is checked against; every part optional. With a channel but no placement, the channel's image
 * placement whose ratio is nearest the image's is used.
 *
 * @param palette the brand colours, {@code #RRGGBB}
 */
public record AuditTarget(Optional<Channel> channel, Optional<Placement> placement, List<String> palette) {
    /** No channel, placement or palette: the image's own quality only. */
    public static final AuditTarget NONE = new AuditTarget(Optional.empty(), Optional.empty(), List.of());

    public AuditTarget {
        channel = channel == null ? Optional.empty() : channel;
        placement = placement == null ? Optional.empty() : placement;
        palette = palette == null ? List.of() : List.copyOf(palette);
    }
}
