package dev.pms.core.distribution;

import dev.pms.core.channel.Channel;

import java.time.LocalDate;

/**
 * Something about a slot the caller should know: {@code collision} (the user's other scheduled campaigns post on the
 * same channel that day), {@code cadence} (more posts than the channel's daily maximum), {@code outside_window} (no
 * posting day of the channel inside the phase) or {@code phase_passed} (the phase is over; scheduled from today).
 */
public record ScheduleWarning(String kind, String assetId, Channel channel, LocalDate date, String message) {
}
