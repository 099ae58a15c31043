package dev.pms.providers.wavespeed;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's configuration: defaults, checks, and a description without the key. */
class WaveSpeedConfigTest {

    @Test
    void defaultsToTheProductionApi() {
        WaveSpeedConfig config = WaveSpeedConfig.of("ws-secret-key");

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.wavespeed.ai"));
        assertThat(config.apiKey().get()).isEqualTo("ws-secret-key");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.api("predictions/p1/result"))
                .isEqualTo(URI.create("https://api.wavespeed.ai/api/v3/predictions/p1/result"));
        assertThat(config.toString()).doesNotContain("ws-secret-key").contains("apiKey=(supplied)");
    }

    @Test
    void refusesWhatCannotWork() {
        WaveSpeedConfig config = WaveSpeedConfig.of("k");

        assertThatThrownBy(() -> WaveSpeedConfig.of(URI.create("ftp://x"), () -> "k"))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> config.withRetries(0, Duration.ofMillis(1), Duration.ofMillis(2)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> config.withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("backoffCap");
        assertThatThrownBy(() -> config.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> config.withVoiceId(" ")).hasMessageContaining("voiceId");
    }
}
