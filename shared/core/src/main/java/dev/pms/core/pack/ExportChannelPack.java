package dev.pms.core.pack;

import dev.pms.core.channel.Channel;

import java.util.List;

/**
 * A channel pack to export.
 *
 * @param channels the campaign channels to pack, as the request named them; empty for all of the campaign's
 */
public record ExportChannelPack(List<Channel> channels) {
    /** The most channels a request may name. */
    public static final int MAX_CHANNELS = 24;

    public ExportChannelPack {
        channels = channels == null ? List.of() : List.copyOf(channels);
        if (channels.size() > MAX_CHANNELS) {
            throw new IllegalArgumentException("a pack names at most " + MAX_CHANNELS + " channels");
        }
    }

    /** Every channel of the campaign. */
    public static ExportChannelPack allChannels() {
        return new ExportChannelPack(List.of());
    }
}
