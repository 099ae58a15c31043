package dev.pms.providers.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProviderConfigsTest {

    @Test
    void anEndpointIsAnHttpUrlWithAKeySource() {
        assertThatNoException().isThrownBy(() -> ProviderConfigs.requireEndpoint(URI.create("https://api.test"), () -> "k"));
        assertThatThrownBy(() -> ProviderConfigs.requireEndpoint(URI.create("ftp://api.test"), () -> "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("baseUrl must be an http or https URL, not ftp://api.test");
        assertThatThrownBy(() -> ProviderConfigs.requireEndpoint(URI.create("https://api.test"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("apiKey");
    }

    @Test
    void retriesNeedAnAttemptAndACapNoShorterThanTheBase() {
        Duration second = Duration.ofSeconds(1);
        assertThatNoException().isThrownBy(() -> ProviderConfigs.requireRetries(1, second, second));
        assertThatThrownBy(() -> ProviderConfigs.requireRetries(0, second, second))
                .hasMessage("maxAttempts must be at least 1, not 0");
        assertThatThrownBy(() -> ProviderConfigs.requireRetries(3, second, Duration.ofMillis(500)))
                .hasMessage("backoffCap must not be shorter than backoffBase");
        assertThatThrownBy(() -> ProviderConfigs.requireRetries(3, Duration.ZERO, second))
                .hasMessage("backoffBase must be a positive duration");
    }

    @Test
    void pathsHangOffTheRootWithOrWithoutItsTrailingSlash() {
        assertThat(ProviderConfigs.resolve(URI.create("https://api.test/v1/"), "/chat")).hasToString("https://api.test/v1/chat");
        assertThat(ProviderConfigs.resolve(URI.create("https://api.test/v1"), "/chat")).hasToString("https://api.test/v1/chat");
    }
}
