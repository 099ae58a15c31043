package dev.pms.core.distribution;

import dev.pms.core.channel.Channel;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A schedule to build for the campaign's assets approved for publish.
 *
 * @param channels only these channels are planned again (the latest schedule's other posts are carried over);
 *                 empty for every channel
 * @param zone     the time zone the posting days and times are in
 */
public record BuildSchedule(Set<Channel> channels, ZoneId zone) {

    public BuildSchedule {
        channels = channels == null || channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        Objects.requireNonNull(zone, "zone");
    }

    /** Every channel, in UTC. */
    public static BuildSchedule everyChannel() {
        return new BuildSchedule(Set.of(), ZoneOffset.UTC);
    }
}
