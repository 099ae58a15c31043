package dev.pms.core.channel;

/** The channel/placement catalogue, loaded from the versioned data file {@code channel-catalog.json}. */
public final class ChannelCatalog {
    public static ChannelCatalog load() {
        throw new UnsupportedOperationException("channel catalogue: being written on the core branch");
    }
}
