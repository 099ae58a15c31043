package dev.pms.devstack.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testfunctions.ScheduledEventHandler;
import dev.pms.devstack.testfunctions.ScheduledHandler;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackTemplate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /_devstack/schedules/{name}/run} and {@code GET /_devstack/schedules} on the
 * schedules test template, with automatic firing off (the {@link DevstackExtension} default), so every invocation
 * here is a manual one.
 */
@ExtendWith(DevstackExtension.class)
@DevstackTemplate("classpath:devstack-schedules-template.yaml")
class ScheduleRunEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT_ARN = "arn:aws:scheduler:us-east-1:000000000000:schedule/default/"
            + "pms-local-nightly-report";

    private static HttpResponse<String> send(Devstack devstack, String method, String path)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(devstack.baseUri() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode run(Devstack devstack, String name, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(devstack, "POST", "/_devstack/schedules/" + name + "/run");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("content-type"))
                .contains(expectedStatus == 200 ? "application/json" : "application/problem+json");
        return JSON.readTree(response.body());
    }

    @Test
    void aManualRunInvokesTheFunctionOnceWithTheInputAndAnswersItsResult(Devstack devstack) throws Exception {
        int before = ScheduledHandler.eventsOf("ReportFunction").size();
        Instant requested = Instant.now();

        JsonNode answer = run(devstack, "NightlyReport", 200);

        assertThat(ScheduledHandler.eventsOf("ReportFunction")).hasSize(before + 1);
        assertThat(answer.get("schedule").asText()).isEqualTo("NightlyReport");
        assertThat(answer.get("function").asText()).isEqualTo("ReportFunction");
        assertThat(Instant.parse(answer.get("invoked_at").asText())).isBetween(requested.minusSeconds(1), Instant.now());
        assertThat(answer.get("duration_ms").asLong()).isNotNegative();
        assertThat(answer.get("result").get("handled_by").asText()).isEqualTo("ReportFunction");
        assertThat(JSON.convertValue(answer.get("result").get("received"), Map.class)).isEqualTo(
                Map.of("report", "nightly", "arn", REPORT_ARN, "attempt", "1"));
        assertThat(ScheduledHandler.eventsOf("ReportFunction").get(before))
                .isEqualTo(Map.of("report", "nightly", "arn", REPORT_ARN, "attempt", "1"));
    }

    @Test
    void aScheduleAnswersToItsNameAndToFunctionDotEvent(Devstack devstack) throws Exception {
        assertThat(run(devstack, "pms-local-nightly-report", 200).get("schedule").asText()).isEqualTo("NightlyReport");
        assertThat(run(devstack, "ReportFunction.NightlyReport", 200).get("function").asText())
                .isEqualTo("ReportFunction");
    }

    @Test
    void withoutInputTheFunctionGetsTheScheduledEventEnvelope(Devstack devstack) throws Exception {
        JsonNode received = run(devstack, "Tick", 200).get("result").get("received");

        assertThat(received.get("version").asText()).isEqualTo("0");
        assertThat(received.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(received.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(received.get("source").asText()).isEqualTo("aws.scheduler");
        assertThat(received.get("account").asText()).isEqualTo("000000000000");
        assertThat(received.get("region").asText()).isEqualTo("us-east-1");
        assertThat(received.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(received.get("resources")).hasSize(1);
        assertThat(received.get("resources").get(0).asText())
                .isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/default/pms-local-TickFunctionTick");
        assertThat(received.get("detail").isObject()).isTrue();
        assertThat(received.get("detail")).isEmpty();
    }

    @Test
    void aDisabledRuleRunsManuallyAndATypedHandlerGetsAScheduledEvent(Devstack devstack) throws Exception {
        JsonNode answer = run(devstack, "Paused", 200);

        assertThat(answer.get("result").asText()).isEqualTo("aws.events Scheduled Event");
        ScheduledEvent event = ScheduledEventHandler.EVENTS.get(ScheduledEventHandler.EVENTS.size() - 1);
        assertThat(event.getResources())
                .containsExactly("arn:aws:events:us-east-1:000000000000:rule/pms-local-PausedFunctionPaused");
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getDetail()).isEmpty();
    }

    @Test
    void anUnknownNameIsA404Problem(Devstack devstack) throws Exception {
        JsonNode problem = run(devstack, "NoSuchSchedule", 404);

        assertThat(problem.get("type").asText()).isEqualTo("urn:pms:problem:not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).contains("No schedule 'NoSuchSchedule'")
                .contains("NightlyReport", "Tick", "Flaky", "Paused");
    }

    @Test
    void aFailingFunctionIsA502ProblemWithItsMessageAndNoStackTrace(Devstack devstack) throws Exception {
        JsonNode problem = run(devstack, "Flaky", 502);

        assertThat(problem.get("type").asText()).isEqualTo("urn:pms:problem:function-error");
        assertThat(problem.get("status").asInt()).isEqualTo(502);
        assertThat(problem.get("detail").asText()).isEqualTo("function FlakyFunction failed: attempt 1 fails on purpose");
        assertThat(problem.get("function").asText()).isEqualTo("FlakyFunction");
        assertThat(problem.toString()).doesNotContain("at dev.pms", "Exception");
    }

    @Test
    void theListShowsEverySchedulesExpressionAndLastRun(Devstack devstack) throws Exception {
        run(devstack, "NightlyReport", 200);
        run(devstack, "Flaky", 502);

        HttpResponse<String> response = send(devstack, "GET", "/_devstack/schedules");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("automatic").asBoolean()).isFalse();
        List<JsonNode> schedules = StreamSupport.stream(body.get("schedules").spliterator(), false).toList();
        assertThat(schedules).extracting(schedule -> schedule.get("name").asText())
                .containsExactly("NightlyReport", "Tick", "Flaky", "Paused");
        assertThat(schedules).extracting(schedule -> schedule.get("function").asText())
                .containsExactly("ReportFunction", "TickFunction", "FlakyFunction", "PausedFunction");
        assertThat(schedules).extracting(schedule -> schedule.get("expression").asText())
                .containsExactly("cron(0 3 1 1 ? 2199)", "rate(1 minute)", "rate(1 minute)", "rate(1 minute)");
        assertThat(schedules).extracting(schedule -> schedule.get("state").asText())
                .containsExactly("ENABLED", "ENABLED", "ENABLED", "DISABLED");
        assertThat(schedules).allSatisfy(schedule -> assertThat(schedule.get("next_fire_time").isNull()).isTrue());

        JsonNode report = schedules.get(0);
        assertThat(Instant.parse(report.get("last_run").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(report.get("last_outcome").asText()).isEqualTo("succeeded");
        assertThat(report.get("last_trigger").asText()).isEqualTo("manual");
        JsonNode flaky = schedules.get(2);
        assertThat(flaky.get("last_outcome").asText()).isEqualTo("failed");
        assertThat(flaky.get("last_error").asText()).isEqualTo("attempt 1 fails on purpose");
    }

    @Test
    void otherMethodsAreRefused(Devstack devstack) throws Exception {
        assertThat(send(devstack, "GET", "/_devstack/schedules/Tick/run").statusCode()).isEqualTo(405);
        assertThat(send(devstack, "POST", "/_devstack/schedules").statusCode()).isEqualTo(405);
    }
}
