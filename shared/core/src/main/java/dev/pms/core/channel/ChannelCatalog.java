package dev.pms.core.channel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The channel/placement catalogue, loaded from the versioned data file {@code channel-catalog.json}. */
public final class ChannelCatalog {
    private static final String RESOURCE = "/channel-catalog.json";

    private final String version;
    private final LocalDate updatedOn;
    private final Map<Channel, ChannelProfile> channels;
    private final Map<String, Placement> placements;

    private ChannelCatalog(String version, LocalDate updatedOn, Map<Channel, ChannelProfile> channels,
                           Map<String, Placement> placements) {
        this.version = version;
        this.updatedOn = updatedOn;
        this.channels = Collections.unmodifiableMap(channels);
        this.placements = Collections.unmodifiableMap(placements);
    }

    /** The catalogue of the bundled data file, parsed once per class loader. */
    public static ChannelCatalog load() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final ChannelCatalog INSTANCE = parseBundled();
    }

    private static ChannelCatalog parseBundled() {
        try (InputStream in = ChannelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ChannelCatalog parse(JsonNode root) {
        var mapper = Json.mapper();
        String version = root.path("version").asText(null);
        LocalDate updatedOn = LocalDate.parse(root.path("updated_on").asText());
        Map<String, ChannelProfile> rawChannels = mapper.convertValue(root.path("channels"), new TypeReference<>() { });
        Map<String, Placement> rawPlacements = mapper.convertValue(root.path("placements"), new TypeReference<>() { });

        Map<Channel, ChannelProfile> channels = new EnumMap<>(Channel.class);
        rawChannels.forEach((code, profile) -> {
            Channel channel = Channel.parse(code)
                    .orElseThrow(() -> new IllegalStateException("catalogue channel '" + code + "' is no Channel"));
            channels.put(channel, profile.withChannel(channel));
        });
        for (Channel channel : Channel.values()) {
            if (!channels.containsKey(channel)) {
                throw new IllegalStateException("catalogue has no entry for channel " + channel.code());
            }
        }
        Map<String, Placement> placements = new LinkedHashMap<>();
        rawPlacements.forEach((key, placement) -> {
            int slash = key.indexOf('/');
            Channel channel = Channel.parse(slash < 0 ? "" : key.substring(0, slash))
                    .filter(c -> key.startsWith(c.code() + "/"))
                    .orElseThrow(() -> new IllegalStateException("placement key '" + key + "' is not channel/placement"));
            if (placement.assetType() == null) {
                throw new IllegalStateException("placement " + key + " has no asset_type");
            }
            placements.put(key, placement.withKey(key, channel));
        });
        if (version == null) {
            throw new IllegalStateException("catalogue has no version");
        }
        return new ChannelCatalog(version, updatedOn, channels, placements);
    }

    public String version() {
        return version;
    }

    public LocalDate updatedOn() {
        return updatedOn;
    }

    public Optional<Placement> placement(String key) {
        return Optional.ofNullable(key == null ? null : placements.get(key));
    }

    /** The entry for a key the code itself names; a missing one is a programming error. */
    public Placement requirePlacement(String key) {
        return placement(key).orElseThrow(() -> new IllegalStateException("no catalogue placement " + key));
    }

    /** The channel's placements in catalogue order. */
    public List<Placement> placements(Channel channel) {
        List<Placement> result = new ArrayList<>();
        for (Placement placement : placements.values()) {
            if (placement.channel() == channel) {
                result.add(placement);
            }
        }
        return List.copyOf(result);
    }

    public List<Placement> placements() {
        return List.copyOf(placements.values());
    }

    public ChannelProfile channel(Channel channel) {
        return channels.get(channel);
    }

    /** Looks a channel up by its code, case-insensitively; {@code x} is {@code twitter}. */
    public Optional<ChannelProfile> findChannel(String code) {
        return Channel.parse(code).map(channels::get);
    }

    public List<ChannelProfile> channels() {
        return List.copyOf(channels.values());
    }
}
