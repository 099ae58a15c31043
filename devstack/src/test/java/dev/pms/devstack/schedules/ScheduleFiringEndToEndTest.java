package dev.pms.devstack.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testfunctions.ScheduledHandler;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackTemplate;
import dev.pms.devstack.testing.Eventually;
import dev.pms.devstack.testing.FiringSchedules;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schedules test template with automatic firing on, on a clock running 120 times faster
 * than real time (a {@code rate(1 minute)} schedule fires every half second): schedules fire on their own, failed
 * invocations are retried, disabled schedules never fire.
 */
@ExtendWith(DevstackExtension.class)
@DevstackTemplate("classpath:devstack-schedules-template.yaml")
@FiringSchedules(speed = 120)
class ScheduleFiringEndToEndTest {

    /** Includes the functions' cold starts on a loaded machine. */
    private static final Duration FIRING_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Envelopes the handler got; other test classes may have run the same functions by hand before. */
    private static List<Map<String, Object>> envelopesOf(String function) {
        return ScheduledHandler.eventsOf(function).stream().filter(event -> "aws.scheduler".equals(event.get("source")))
                .toList();
    }

    private static Map<String, JsonNode> schedulesByName(Devstack devstack) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(devstack.baseUri() + "/_devstack/schedules")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("automatic").asBoolean()).isTrue();
        return StreamSupport.stream(body.get("schedules").spliterator(), false)
                .collect(Collectors.toMap(schedule -> schedule.get("name").asText(), schedule -> schedule));
    }

    @Test
    void aRateScheduleFiresOnItsOwnEveryPeriodWithTheScheduledEvent(Devstack devstack) {
        String tickArn = "arn:aws:scheduler:us-east-1:000000000000:schedule/default/pms-local-TickFunctionTick";
        int before = envelopesOf("TickFunction").size();
        List<Map<String, Object>> fires = Eventually.await("two more automatic fires of Tick", FIRING_TIMEOUT, () -> {
            List<Map<String, Object>> envelopes = envelopesOf("TickFunction");
            return envelopes.size() >= before + 2 ? envelopes : null;
        });

        Map<String, Object> first = fires.get(fires.size() - 2);
        Map<String, Object> second = fires.get(fires.size() - 1);
        assertThat(first).containsEntry("version", "0").containsEntry("detail-type", "Scheduled Event")
                .containsEntry("source", "aws.scheduler").containsEntry("account", "000000000000")
                .containsEntry("region", "us-east-1").containsEntry("resources", List.of(tickArn))
                .containsEntry("detail", Map.of());
        assertThat(first.get("id")).isNotEqualTo(second.get("id"));
        // a minute, or a few when the timer thread was busy with a cold start and skipped a fire time
        Duration between = Duration.between(Instant.parse((String) first.get("time")),
                Instant.parse((String) second.get("time")));
        assertThat(between).isPositive();
        assertThat(between.toSeconds() % 60).isZero();
    }

    @Test
    void aFailedInvocationIsRetriedWithTheSameEventUntilItSucceeds(Devstack devstack) {
        List<Map<String, Object>> attempts = Eventually.await("a Flaky fire that succeeded on its third attempt",
                FIRING_TIMEOUT, () -> {
                    List<Map<String, Object>> events = ScheduledHandler.eventsOf("FlakyFunction");
                    return events.stream().filter(event -> "3".equals(event.get("attempt"))).findFirst()
                            .map(third -> events.stream()
                                    .filter(event -> Objects.equals(event.get("execution"), third.get("execution")))
                                    .toList())
                            .orElse(null);
                });

        assertThat(attempts).extracting(event -> event.get("attempt")).containsExactly("1", "2", "3");
        assertThat(attempts).extracting(event -> event.get("execution")).doesNotContainNull();
    }

    @Test
    void aDisabledScheduleNeverFiresButRunsWhenAsked(Devstack devstack) throws Exception {
        int before = envelopesOf("TickFunction").size();
        Eventually.await("two more automatic fires of Tick", FIRING_TIMEOUT,
                () -> envelopesOf("TickFunction").size() >= before + 2 ? true : null);

        Map<String, JsonNode> schedules = schedulesByName(devstack);
        assertThat(schedules.get("Tick").get("next_fire_time").isNull()).isFalse();
        assertThat(schedules.get("Tick").get("last_trigger").asText()).isEqualTo("schedule");
        assertThat(schedules.get("Paused").get("state").asText()).isEqualTo("DISABLED");
        assertThat(schedules.get("Paused").get("next_fire_time").isNull()).isTrue();
        assertThat(schedules.get("Paused").get("last_run").isNull()).isTrue();

        HttpResponse<String> run = HTTP.send(HttpRequest.newBuilder(
                        URI.create(devstack.baseUri() + "/_devstack/schedules/Paused/run"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(schedulesByName(devstack).get("Paused").get("last_trigger").asText()).isEqualTo("manual");
    }
}
