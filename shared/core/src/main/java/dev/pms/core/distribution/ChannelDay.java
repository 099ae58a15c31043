package dev.pms.core.distribution;

import dev.pms.core.channel.Channel;

import java.time.LocalDate;

/** A channel on a calendar day, in the schedule's time zone. */
public record ChannelDay(Channel channel, LocalDate date) {
}
