package dev.pms.core.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every channel the suite plans for; {@code x} is accepted as {@link #TWITTER}. */
public enum Channel {
    INSTAGRAM("instagram", "Instagram"),
    LINKEDIN("linkedin", "LinkedIn"),
    FACEBOOK("facebook", "Facebook"),
    TIKTOK("tiktok", "TikTok"),
    TWITTER("twitter", "X (Twitter)"),
    PINTEREST("pinterest", "Pinterest"),
    YOUTUBE("youtube", "YouTube"),
    EMAIL("email", "Email"),
    SHOPIFY("shopify", "Shopify"),
    AMAZON("amazon", "Amazon"),
    GOOGLE_ADS("google_ads", "Google Ads"),
    META_ADS("meta_ads", "Meta Ads");

    private final String code;
    private final String platformName;

    Channel(String code, String platformName) {
        this.code = code;
        this.platformName = platformName;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String platformName() {
        return platformName;
    }

    /** Parses a channel code case-insensitively; {@code x} and {@code twitter} are the same channel. */
    public static Optional<Channel> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("x")) {
            return Optional.of(TWITTER);
        }
        return Arrays.stream(values()).filter(c -> c.code.equals(normalized)).findFirst();
    }

    @JsonCreator
    static Channel fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown channel '" + value + "'"));
    }
}
