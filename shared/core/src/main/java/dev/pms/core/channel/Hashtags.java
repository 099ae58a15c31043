package dev.pms.core.channel;

/** Hashtag cap ({@code max}, a hard limit) and the advised count. */
public record Hashtags(int max, int recommended) {
}
