package dev.pms.core.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.Channel;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per-channel posting windows and the maximum cadence per day, from the versioned data file
 * {@code posting-windows.json} beside the channel catalogue; every entry names its source.
 */
public final class PostingRules {
    private static final String RESOURCE = "/posting-windows.json";

    /** A stretch of the day on some weekdays in which posts of the channel start. */
    public record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        public Window {
            days = Set.copyOf(days);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("window ends before it starts: " + start + ".." + end);
            }
        }
    }

    public record ChannelRule(Channel channel, List<Window> windows, int maxPostsPerDay, String source) {
        public ChannelRule {
            windows = List.copyOf(windows);
        }

        public boolean postsOn(DayOfWeek day) {
            return windows.stream().anyMatch(w -> w.days().contains(day));
        }

        /** The first window of the day, if the channel posts on that weekday. */
        public Window windowOn(DayOfWeek day) {
            return windows.stream().filter(w -> w.days().contains(day)).findFirst().orElse(null);
        }
    }

    private final String version;
    private final Map<Channel, ChannelRule> rules;

    PostingRules(String version, Map<Channel, ChannelRule> rules) {
        this.version = version;
        this.rules = Map.copyOf(rules);
    }

    public static PostingRules load() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final PostingRules INSTANCE = parseBundled();
    }

    private static PostingRules parseBundled() {
        try (InputStream in = PostingRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static PostingRules parse(JsonNode root) {
        Map<Channel, ChannelRule> rules = new EnumMap<>(Channel.class);
        root.path("channels").fields().forEachRemaining(entry -> {
            Channel channel = Channel.parse(entry.getKey())
                    .orElseThrow(() -> new IllegalStateException("posting rules name no channel '" + entry.getKey() + "'"));
            JsonNode rule = entry.getValue();
            List<Window> windows = new ArrayList<>();
            for (JsonNode window : rule.path("windows")) {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                window.path("days").forEach(day -> days.add(dayOf(day.asText())));
                windows.add(new Window(days, LocalTime.parse(window.path("start").asText()),
                        LocalTime.parse(window.path("end").asText())));
            }
            String source = rule.path("source").asText("");
            int max = rule.path("max_posts_per_day").asInt(0);
            if (windows.isEmpty() || max < 1 || source.isBlank()) {
                throw new IllegalStateException("posting rule of " + channel.code() + " needs windows, max_posts_per_day and a source");
            }
            rules.put(channel, new ChannelRule(channel, windows, max, source));
        });
        for (Channel channel : Channel.values()) {
            if (!rules.containsKey(channel)) {
                throw new IllegalStateException("posting rules have no entry for channel " + channel.code());
            }
        }
        return new PostingRules(root.path("version").asText(), rules);
    }

    private static DayOfWeek dayOf(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equalsIgnoreCase(code)) {
                return day;
            }
        }
        throw new IllegalStateException("no weekday '" + code.toLowerCase(Locale.ROOT) + "'");
    }

    public String version() {
        return version;
    }

    public ChannelRule rule(Channel channel) {
        return rules.get(channel);
    }
}
