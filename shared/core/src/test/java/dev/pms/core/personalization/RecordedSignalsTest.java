package dev.pms.core.personalization;

import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.Channel;
import dev.pms.core.support.InMemorySignalLog;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RecordedSignalsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final InMemorySignalLog log = new InMemorySignalLog();
    private final RecordedSignals signals = new RecordedSignals(log, LearningSettings.of(30, 3, 300, 90),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eachSignalIsStoredWithAnExpiryOfTheRetentionPeriod() {
        signals.record("alice", Signal.blueprintCreated(List.of(Channel.INSTAGRAM), Goal.AWARENESS, NOW));

        assertThat(log.all("alice")).hasSize(1);
        assertThat(log.lastExpiry("alice")).isEqualTo(NOW.plus(Duration.ofDays(90)));
    }

    @Test
    void aStoreOutageNeverFailsTheRequest() {
        log.failing(true);

        assertThatCode(() -> signals.record("alice", Signal.blueprintCreated(List.of(Channel.INSTAGRAM), Goal.AWARENESS,
                NOW))).doesNotThrowAnyException();
        assertThat(log.all("alice")).isEmpty();
    }

    @Test
    void inTheBackgroundRecordingReturnsAtOnceAndTheRequestWaitsOnlyItsBoundedTime() throws Exception {
        CountDownLatch storeAnswers = new CountDownLatch(1);
        SignalLog slowStore = new SignalLog() {
            @Override
            public void append(String userId, List<Signal> signals, Instant expiresAt) {
                try {
                    storeAnswers.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                log.append(userId, signals, expiresAt);
            }

            @Override
            public List<Signal> recent(String userId, int limit) {
                return log.recent(userId, limit);
            }

            @Override
            public int forget(String userId) {
                return log.forget(userId);
            }
        };
        ExecutorService writer = Executors.newSingleThreadExecutor();
        RecordedSignals background = new RecordedSignals(slowStore, LearningSettings.of(30, 3, 300, 90),
                Clock.fixed(NOW, ZoneOffset.UTC), writer, Duration.ofMillis(20));

        // the store has not answered yet, so returning at all shows neither call waits for it (the timeouts catch a hang)
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> background.record("alice",
                Signal.blueprintCreated(List.of(Channel.INSTAGRAM), Goal.AWARENESS, NOW)));
        long waitStarted = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(5), background::awaitRecorded);

        assertThat(Duration.ofNanos(System.nanoTime() - waitStarted)).as("the response waited its bounded time")
                .isGreaterThanOrEqualTo(Duration.ofMillis(15));
        assertThat(log.all("alice")).as("still being written").isEmpty();
        storeAnswers.countDown();
        writer.shutdown();
        assertThat(writer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(log.all("alice")).as("finished in the background").hasSize(1);
    }

    @Test
    void studioSettingsKeepOnlyShortCodesNeverTheUsersOwnWords() {
        signals.studioSettingsSubmitted("alice", "product_photoshoot", Map.of("environment", "luxury",
                "num_variations", 3.0, "product_description", "Our secret prototype for Jane", "product_image_base64",
                "data:image/png;base64,AAAA", "Bad Key", "x"), NOW);

        Signal stored = log.all("alice").get(0);
        assertThat(stored.kind()).isEqualTo(SignalKind.STUDIO_SETTINGS_SUBMITTED);
        assertThat(stored.text(Signal.FORM_TYPE)).isEqualTo("product_photoshoot");
        assertThat(stored.map(Signal.SETTINGS)).containsOnly(Map.entry("environment", "luxury"),
                Map.entry("num_variations", 3));
    }
}
