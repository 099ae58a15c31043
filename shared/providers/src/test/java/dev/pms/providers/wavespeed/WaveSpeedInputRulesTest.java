package dev.pms.providers.wavespeed;

import dev.pms.core.channel.VideoLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the models refuse, checked before any paid call. */
class WaveSpeedInputRulesTest {
    private static final long MB = 1024 * 1024;

    @Test
    void takesAWanImageOfUpToTenMegabytes() {
        assertThat(InputRules.wanImage(new byte[(int) (10 * MB)])).isEmpty();
        assertThat(InputRules.wanImage(new byte[(int) (10 * MB) + 1])).get().asString().contains("at most 10 MB");
        assertThat(InputRules.wanImage(null)).get().asString().contains("key frame");
    }

    @Test
    void takesWanAudioOfThreeToThirtySecondsAndUpToFifteenMegabytes() {
        assertThat(InputRules.wanAudio(2 * MB, 3)).isEmpty();
        assertThat(InputRules.wanAudio(15 * MB, 30)).isEmpty();
        assertThat(InputRules.wanAudio(MB, 2.9)).get().asString().contains("3 to 30 s", "2.9 s");
        assertThat(InputRules.wanAudio(MB, 30.5)).get().asString().contains("30.5 s");
        assertThat(InputRules.wanAudio(15 * MB + 1, 10)).get().asString().contains("at most 15 MB");
    }

    @Test
    void needsFiveSecondsToTenMinutesOfSpeechForInfiniteTalk() {
        assertThat(InputRules.infiniteTalkSeconds(5)).isEmpty();
        assertThat(InputRules.infiniteTalkSeconds(4.8)).get().asString().contains("at least 5 s", "4.8 s");
        assertThat(InputRules.infiniteTalkSeconds(600)).isEmpty();
        assertThat(InputRules.infiniteTalkSeconds(601)).get().asString().contains("at most 10 minutes");
    }

    @Test
    void estimatesSpeechAtTwoAndAHalfWordsASecond() {
        assertThat(InputRules.estimatedSpeechSeconds("one two three four five")).isEqualTo(2.0);
        assertThat(InputRules.estimatedSpeechSeconds("  ")).isZero();
        assertThat(InputRules.estimatedSpeechSeconds(null)).isZero();
    }

    @Test
    void asksWanForFiveSecondsUnlessThePlacementNeedsMoreAndRefusesWhatItCannotMake() {
        assertThat(InputRules.wanSeconds(null)).isEqualTo(5);
        assertThat(InputRules.wanSeconds(new VideoLimits(3, 600, null))).isEqualTo(5);
        assertThat(InputRules.wanSeconds(new VideoLimits(6, 60, null))).isEqualTo(10);
        assertThatThrownBy(() -> InputRules.wanSeconds(new VideoLimits(15, 60, null)))
                .hasMessageContaining("at least 15 s");
        assertThatThrownBy(() -> InputRules.wanSeconds(new VideoLimits(null, 4, null)))
                .hasMessageContaining("at most 4 s");
    }

    @Test
    void readsAtMostTenThousandCharacters() {
        assertThat(InputRules.speechText("x".repeat(10_000))).isEmpty();
        assertThat(InputRules.speechText("x".repeat(10_001))).get().asString().contains("10,000");
        assertThat(InputRules.speechText(" ")).get().asString().contains("no");
    }
}
