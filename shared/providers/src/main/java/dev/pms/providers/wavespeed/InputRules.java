package dev.pms.providers.wavespeed;

import dev.pms.core.channel.VideoLimits;

import java.util.Locale;
import java.util.Optional;

/**
 * What the models refuse, checked before any paid call so that a job doomed to fail costs nothing. Each check
 * answers the reason for refusing, or nothing when the input is fine.
 */
public final class InputRules {
    public static final long WAN_MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    public static final long WAN_MAX_AUDIO_BYTES = 15L * 1024 * 1024;
    public static final double WAN_MIN_AUDIO_SECONDS = 3;
    public static final double WAN_MAX_AUDIO_SECONDS = 30;
    public static final double INFINITETALK_MIN_SECONDS = 5;
    public static final double INFINITETALK_MAX_SECONDS = 600;
    public static final int SPEECH_MAX_CHARACTERS = 10_000;
    /** An unhurried voice-over speaks about 150 words a minute. */
    static final double WORDS_PER_SECOND = 2.5;
    static final int WAN_SHORT_SECONDS = 5;
    static final int WAN_LONG_SECONDS = 10;

    private InputRules() {
    }

    public static Optional<String> wanImage(byte[] image) {
        if (image == null || image.length == 0) {
            return Optional.of("WAN 2.5 image-to-video needs a key frame image, and the request has none");
        }
        if (image.length > WAN_MAX_IMAGE_BYTES) {
            return Optional.of("WAN 2.5 accepts an input image of at most 10 MB; the key frame is "
                    + megabytes(image.length));
        }
        return Optional.empty();
    }

    public static Optional<String> wanAudio(long bytes, double seconds) {
        if (bytes > WAN_MAX_AUDIO_BYTES) {
            return Optional.of("WAN 2.5 accepts audio of at most 15 MB; this audio is " + megabytes(bytes));
        }
        if (seconds < WAN_MIN_AUDIO_SECONDS || seconds > WAN_MAX_AUDIO_SECONDS) {
            return Optional.of("WAN 2.5 accepts audio of 3 to 30 s; this audio is " + seconds(seconds));
        }
        return Optional.empty();
    }

    public static Optional<String> infiniteTalkSeconds(double seconds) {
        if (seconds < INFINITETALK_MIN_SECONDS) {
            return Optional.of("InfiniteTalk makes avatars of at least 5 s of speech; this script speaks for about "
                    + seconds(seconds));
        }
        if (seconds > INFINITETALK_MAX_SECONDS) {
            return Optional.of("InfiniteTalk makes avatars of at most 10 minutes; this script speaks for about "
                    + seconds(seconds));
        }
        return Optional.empty();
    }

    public static Optional<String> speechText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("a voice needs a script, and the request has none");
        }
        if (text.length() > SPEECH_MAX_CHARACTERS) {
            return Optional.of("MiniMax speech-02-hd reads at most 10,000 characters; the script has " + text.length());
        }
        return Optional.empty();
    }

    /**
     * The WAN clip length for a placement: 5 s unless the placement needs more (then 10 s); WAN makes nothing else,
     * so a placement that takes neither is refused.
     */
    public static int wanSeconds(VideoLimits limits) {
        int seconds = limits != null && limits.minSeconds() != null && limits.minSeconds() > WAN_SHORT_SECONDS
                ? WAN_LONG_SECONDS : WAN_SHORT_SECONDS;
        if (limits != null && limits.minSeconds() != null && limits.minSeconds() > seconds) {
            throw new IllegalArgumentException("the placement needs at least " + limits.minSeconds()
                    + " s of video; WAN 2.5 makes clips of 5 or 10 s");
        }
        if (limits != null && limits.maxSeconds() != null && limits.maxSeconds() < seconds) {
            throw new IllegalArgumentException("the placement takes at most " + limits.maxSeconds()
                    + " s of video; WAN 2.5 makes clips of 5 or 10 s");
        }
        return seconds;
    }

    /** A clip length asked of WAN 2.5 directly (a studio call): 5 or 10 s, nothing else. */
    public static Optional<String> wanDuration(int seconds) {
        if (seconds != WAN_SHORT_SECONDS && seconds != WAN_LONG_SECONDS) {
            return Optional.of("WAN 2.5 makes clips of 5 or 10 s, not " + seconds + " s");
        }
        return Optional.empty();
    }

    /** How long a script takes to speak, from its word count. */
    public static double estimatedSpeechSeconds(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.strip().split("\\s+").length / WORDS_PER_SECOND;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
