package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected latency and failure rate in front of a provider. */
class InjectedFaultsTest {
    private final AtomicInteger calls = new AtomicInteger();
    private final MediaProvider counting = new MediaProvider() {
        @Override
        public String name() {
            return "offline";
        }

        @Override
        public boolean supports(AssetType type) {
            return true;
        }

        @Override
        public ProviderJob submit(GenerationRequest request) {
            calls.incrementAndGet();
            return new ProviderJob.Completed(new GeneratedMedia(null, null, "copy", null, null, null, "offline", "m",
                    null, null));
        }

        @Override
        public ProviderJob poll(String handle) {
            return submit(null);
        }
    };

    @Test
    void failsAboutTheConfiguredShareRetryablyAndTheSameCallsForTheSameSeed() {
        MediaProvider faulty = new InjectedFaults(counting, Duration.ZERO, 0.3, 42);
        int failures = 0;
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            ProviderJob job = faulty.submit(null);
            if (job instanceof ProviderJob.Failed failed) {
                assertThat(failed.retryable()).isTrue();
                failures++;
            }
            pattern.append(job instanceof ProviderJob.Failed ? 'x' : '.');
        }
        assertThat(failures).isBetween(540, 660);
        assertThat(calls.get()).isEqualTo(2_000 - failures);

        MediaProvider again = new InjectedFaults(counting, Duration.ZERO, 0.3, 42);
        StringBuilder repeat = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            repeat.append(again.submit(null) instanceof ProviderJob.Failed ? 'x' : '.');
        }
        assertThat(repeat.toString()).isEqualTo(pattern.toString());
    }

    @Test
    void waitsTheLatencyBeforeAnswering() {
        MediaProvider slow = new InjectedFaults(counting, Duration.ofMillis(60), 0, 1);
        long started = System.nanoTime();
        assertThat(slow.submit(null)).isInstanceOf(ProviderJob.Completed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void nothingToInjectIsTheProviderItselfAndBadSettingsAreRefused() {
        assertThat(InjectedFaults.around(counting, Duration.ZERO, 0, 1)).isSameAs(counting);
        assertThatThrownBy(() -> new InjectedFaults(counting, Duration.ZERO, 1.5, 1)).hasMessageContaining("0..1");
        assertThatThrownBy(() -> new InjectedFaults(counting, Duration.ofMillis(-1), 0, 1)).hasMessageContaining("latency");
    }
}
