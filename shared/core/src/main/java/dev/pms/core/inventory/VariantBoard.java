package dev.pms.core.inventory;

import dev.pms.core.channel.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign's derived variants, by channel: each channel's variants (one per image placement of the channel, made
 * from one approved source version), whether the channel is switched on and whether its package is approved; and what
 * the last one-click publish put into the campaign ({@code publication}). {@code version} is the optimistic lock.
 */
public record VariantBoard(String campaignId, List<ChannelVariants> channels, Publication publication,
                           Instant updatedAt, long version) {

    public VariantBoard {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public static VariantBoard empty(String campaignId) {
        return new VariantBoard(campaignId, List.of(), null, null, 0);
    }

    /**
     * One channel's package: made from {@code sourceItemId} version {@code sourceVersion}; approval covers exactly
     * these variants (deriving again withdraws it).
     */
    public record ChannelVariants(Channel channel, boolean enabled, boolean approved, Instant approvedAt,
                                  String sourceItemId, int sourceVersion, List<Variant> variants) {

        public ChannelVariants {
            variants = variants == null ? List.of() : List.copyOf(variants);
        }

        public ChannelVariants withSwitches(boolean newEnabled, boolean newApproved, Instant approvedTime) {
            return new ChannelVariants(channel, newEnabled, newApproved, newApproved ? approvedTime : null,
                    sourceItemId, sourceVersion, variants);
        }
    }

    /**
     * One derived variant: the placement, the asset library record that holds it, how the source was fitted
     * ({@code crop}, {@code pad} or {@code extend}: the last two mark a variant whose ratio differed too much to crop),
     * the text drawn inside the safe zone (if any), and the placement checks of the made file (empty until made).
     */
    public record Variant(String placement, String assetLibraryId, String method, String overlayText,
                          Instant createdAt, List<VariantCheck> checks) {

        public Variant {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        public boolean checked() {
            return !checks.isEmpty();
        }

        public boolean passes() {
            return checked() && checks.stream().allMatch(VariantCheck::passed);
        }

        public Variant checkedAs(String madeMethod, List<VariantCheck> madeChecks) {
            return new Variant(placement, assetLibraryId, madeMethod, overlayText, createdAt, madeChecks);
        }
    }

    /** One placement check of a variant: {@code canvas_size}, {@code format}, {@code min_resolution} or {@code safe_zone}. */
    public record VariantCheck(String rule, boolean passed, String detail) {
    }

    /** The board with the variant of that asset library record replaced. */
    public VariantBoard withVariant(Variant replacement, Instant now) {
        List<ChannelVariants> next = new ArrayList<>();
        for (ChannelVariants channel : channels) {
            List<Variant> variants = new ArrayList<>();
            channel.variants().forEach(v -> variants.add(v.assetLibraryId().equals(replacement.assetLibraryId())
                    ? replacement : v));
            next.add(new ChannelVariants(channel.channel(), channel.enabled(), channel.approved(), channel.approvedAt(),
                    channel.sourceItemId(), channel.sourceVersion(), variants));
        }
        return new VariantBoard(campaignId, next, publication, now, version + 1);
    }

    /** What a publish put into the campaign: the variant (asset library id) chosen for each node, the pack, the schedule. */
    public record Publication(Instant publishedAt, Map<String, String> nodes, String packId, Long scheduleVersion) {
        public Publication {
            nodes = nodes == null ? Map.of() : Map.copyOf(nodes);
        }
    }

    public Optional<ChannelVariants> channel(Channel channel) {
        return channels.stream().filter(c -> c.channel() == channel).findFirst();
    }

    /** The board with one channel's package replaced (or added), stamped {@code now}, version +1. */
    public VariantBoard with(ChannelVariants replacement, Instant now) {
        List<ChannelVariants> next = new ArrayList<>(channels);
        next.removeIf(c -> c.channel() == replacement.channel());
        next.add(replacement);
        next.sort(Comparator.comparing(c -> c.channel().ordinal()));
        return new VariantBoard(campaignId, next, publication, now, version + 1);
    }

    public VariantBoard published(Publication newPublication, Instant now) {
        return new VariantBoard(campaignId, channels, newPublication, now, version + 1);
    }
}
