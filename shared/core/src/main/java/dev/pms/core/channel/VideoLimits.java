package dev.pms.core.channel;

/** Duration and size limits of a video placement; absent parts are unconstrained. */
public record VideoLimits(Integer minSeconds, Integer maxSeconds, Long maxBytes) {
}
