package dev.pms.core.personalization;

import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One thing a user did that reveals a preference: its kind, a few attributes (codes, counts and short phrases, never
 * more about the user than the id it is stored under) and when. Build signals with the named factories, which
 * decide each kind's attributes; read them with {@link #text}, {@link #texts}, {@link #number} and {@link #map}.
 */
public record Signal(SignalKind kind, Map<String, Object> attributes, Instant at) {
    public static final String CHANNELS = "channels";
    public static final String CHANNEL = "channel";
    public static final String GOAL = "goal";
    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String ASSET_TYPE = "asset_type";
    public static final String ANGLE = "angle";
    public static final String PHRASES_ADDED = "phrases_added";
    public static final String PHRASES_REMOVED = "phrases_removed";
    public static final String HASHTAGS_BEFORE = "hashtags_before";
    public static final String HASHTAGS_AFTER = "hashtags_after";
    public static final String COUNT = "count";
    public static final String REASON = "reason";
    public static final String COMMENT = "comment";
    public static final String CTR = "ctr";
    public static final String CONVERSIONS = "conversions";
    public static final String FORM_TYPE = "form_type";
    public static final String SETTINGS = "settings";
    /** The most settings one studio signal keeps. */
    static final int MAX_SETTINGS = 20;
    static final int MAX_SETTING_CHARS = 60;
    /** Studio fields that carry the user's own words or media, never kept in a signal. */
    static final Set<String> FREE_TEXT_SETTINGS = Set.of("product_name", "product_description",
            "additional_context", "prompt", "script_text", "user_input", "product_variant", "product_image_base64",
            "avatar_image_base64", "audio_base64");

    public Signal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public static Signal blueprintCreated(List<Channel> channels, Goal goal, Instant at) {
        return new Signal(SignalKind.BLUEPRINT_CREATED, attributes(CHANNELS, codes(channels), GOAL, goal.code()), at);
    }

    public static Signal channelsReplanned(List<Channel> added, List<Channel> removed, Instant at) {
        return new Signal(SignalKind.CHANNELS_REPLANNED, attributes(ADDED, codes(added), REMOVED, codes(removed)), at);
    }

    public static Signal promptEdited(Channel channel, AssetType type, PromptEdit edit, Instant at) {
        Map<String, Object> values = attributes(CHANNEL, channel.code(), ASSET_TYPE, type.code(),
                PHRASES_ADDED, edit.phrasesAdded(), PHRASES_REMOVED, edit.phrasesRemoved());
        if (edit.hashtagsBefore() != null) {
            values.put(HASHTAGS_BEFORE, edit.hashtagsBefore());
        }
        if (edit.hashtagsAfter() != null) {
            values.put(HASHTAGS_AFTER, edit.hashtagsAfter());
        }
        return new Signal(SignalKind.PROMPT_EDITED, values, at);
    }

    /** {@code count} proposals of one channel, type and angle approved at once (approve-all groups them). */
    public static Signal proposalsApproved(Channel channel, AssetType type, String angle, int count, Instant at) {
        return new Signal(SignalKind.PROPOSAL_APPROVED, attributes(CHANNEL, channel.code(), ASSET_TYPE, type.code(),
                ANGLE, SignalText.code(angle), COUNT, count), at);
    }

    public static Signal proposalRejected(Channel channel, AssetType type, String angle, String reason, Instant at) {
        return new Signal(SignalKind.PROPOSAL_REJECTED, attributes(CHANNEL, channel.code(), ASSET_TYPE, type.code(),
                ANGLE, SignalText.code(angle), REASON, SignalText.phrase(reason)), at);
    }

    /** The user asked for another angle than {@code angleLeft}. */
    public static Signal alternateAngle(Channel channel, AssetType type, String angleLeft, Instant at) {
        return new Signal(SignalKind.ALTERNATE_ANGLE, attributes(CHANNEL, channel.code(), ASSET_TYPE, type.code(),
                ANGLE, SignalText.code(angleLeft)), at);
    }

    public static Signal pushedBack(Channel channel, AssetType type, String angle, String comment, Instant at) {
        return new Signal(SignalKind.BOARD_PUSH_BACK, attributes(CHANNEL, channel.code(), ASSET_TYPE, type.code(),
                ANGLE, SignalText.code(angle), COMMENT, SignalText.phrase(comment)), at);
    }

    /** How each channel of an import performed: click-through rate (where it had impressions) and conversions. */
    public static Signal metricsImported(Map<Channel, Double> ctr, Map<Channel, Long> conversions, Instant at) {
        Map<String, Object> rates = new LinkedHashMap<>();
        ctr.forEach((channel, rate) -> rates.put(channel.code(), rate));
        Map<String, Object> converted = new LinkedHashMap<>();
        conversions.forEach((channel, count) -> converted.put(channel.code(), count));
        return new Signal(SignalKind.METRICS_IMPORTED, attributes(CTR, rates, CONVERSIONS, converted), at);
    }

    /**
     * A studio form submitted: {@code formType} ({@code product_photoshoot}, {@code product_video}, …, see
     * {@link FormType}) and the settings chosen. Only short scalar settings are kept (codes, sizes, counts, a
     * {@code template_id}); free text such as product descriptions or base64 images is dropped.
     */
    public static Signal studioSettingsSubmitted(String formType, Map<String, ?> settings, Instant at) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (settings != null) {
            settings.forEach((name, value) -> {
                Object scalar = SignalText.setting(value, MAX_SETTING_CHARS);
                if (kept.size() < MAX_SETTINGS && scalar != null && SignalText.isCode(name)
                        && !FREE_TEXT_SETTINGS.contains(name)) {
                    kept.put(name, scalar);
                }
            });
        }
        return new Signal(SignalKind.STUDIO_SETTINGS_SUBMITTED,
                attributes(FORM_TYPE, SignalText.code(formType), SETTINGS, kept), at);
    }

    public String text(String key) {
        Object value = attributes.get(key);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    public List<String> texts(String key) {
        List<String> texts = new ArrayList<>();
        if (attributes.get(key) instanceof List<?> list) {
            list.stream().filter(item -> item instanceof String).map(String.class::cast).forEach(texts::add);
        }
        return texts;
    }

    public Double number(String key) {
        return attributes.get(key) instanceof Number number ? number.doubleValue() : null;
    }

    public Map<String, Object> map(String key) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (attributes.get(key) instanceof Map<?, ?> map) {
            map.forEach((name, value) -> values.put(String.valueOf(name), value));
        }
        return values;
    }

    private static Map<String, Object> attributes(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                values.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return values;
    }

    private static List<String> codes(List<Channel> channels) {
        return channels.stream().map(Channel::code).toList();
    }
}
