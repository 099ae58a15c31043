package dev.pms.devstack.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.gateway.GatewayRequest;
import dev.pms.devstack.gateway.GatewayResponse;
import dev.pms.devstack.schedules.ScheduleDefinition;
import dev.pms.devstack.schedules.ScheduleRunner;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /_devstack/schedules} (every schedule with its next fire time and last run) and
 * {@code POST /_devstack/schedules/{name}/run} (invokes the schedule's function now and answers with its result;
 * 404 for an unknown name, 502 when the function fails). Only the devstack exposes them.
 */
public final class SchedulesAdmin {

    public static final String LIST_PATH = "/_devstack/schedules";
    private static final Pattern RUN_PATH = Pattern.compile("/_devstack/schedules/([^/]+)/run");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScheduleRunner runner;

    /** {@code runner} may be null: a devstack started without the schedules service has none. */
    public SchedulesAdmin(ScheduleRunner runner) {
        this.runner = runner;
    }

    /** Whether {@link #handle} answers {@code path}. */
    public static boolean handles(String path) {
        return path.equals(LIST_PATH) || RUN_PATH.matcher(path).matches();
    }

    public GatewayResponse handle(GatewayRequest request) {
        String path = request.rawPath();
        if (path.equals(LIST_PATH)) {
            return request.method().equals("GET") ? list()
                    : problem(405, "method-not-allowed", "Method Not Allowed", "use GET " + LIST_PATH, Map.of());
        }
        Matcher run = RUN_PATH.matcher(path);
        if (!run.matches()) {
            throw new IllegalArgumentException(path + " is not a schedules route; check handles(path) first");
        }
        if (!request.method().equals("POST")) {
            return problem(405, "method-not-allowed", "Method Not Allowed", "use POST " + path, Map.of());
        }
        return run(URLDecoder.decode(run.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    private GatewayResponse list() {
        List<Map<String, Object>> schedules = runner == null ? List.of() : runner.statuses().stream()
                .map(SchedulesAdmin::describe).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("automatic", runner != null && runner.automatic());
        body.put("schedules", schedules);
        return json(200, body);
    }

    private static Map<String, Object> describe(ScheduleRunner.Status status) {
        ScheduleDefinition definition = status.definition();
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("name", definition.name());
        schedule.put("function", definition.functionLogicalId());
        schedule.put("type", definition.kind().eventType());
        schedule.put("expression", definition.expression().text());
        schedule.put("timezone", definition.zone().getId());
        schedule.put("state", definition.enabled() ? "ENABLED" : "DISABLED");
        schedule.put("arn", definition.arn());
        schedule.put("next_fire_time", timestamp(status.nextFire()));
        ScheduleRunner.Run last = status.lastRun();
        schedule.put("last_run", last == null ? null : timestamp(last.invokedAt()));
        schedule.put("last_outcome", last == null ? null : last.succeeded() ? "succeeded" : "failed");
        schedule.put("last_trigger", last == null ? null : last.trigger() == ScheduleRunner.Trigger.MANUAL
                ? "manual" : "schedule");
        schedule.put("last_error", last == null ? null : last.error());
        return schedule;
    }

    private GatewayResponse run(String name) {
        Optional<ScheduleDefinition> found;
        try {
            found = runner == null ? Optional.empty() : runner.find(name);
        } catch (ScheduleRunner.AmbiguousScheduleException e) {
            return problem(409, "conflict", "Conflict", e.getMessage(), Map.of("schedule", name));
        }
        if (found.isEmpty()) {
            List<String> known = runner == null ? List.of() : runner.statuses().stream()
                    .map(status -> status.definition().name()).toList();
            return problem(404, "not-found", "Not Found", "No schedule '" + name + "' in the template (known: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + ")", Map.of("schedule", name));
        }
        ScheduleDefinition schedule = found.get();
        ScheduleRunner.Run run = runner.runNow(schedule);
        if (!run.succeeded()) {
            Map<String, Object> names = new LinkedHashMap<>();
            names.put("schedule", schedule.name());
            names.put("function", schedule.functionLogicalId());
            return problem(502, "function-error", "Bad Gateway", "function " + schedule.functionLogicalId()
                    + " failed: " + run.error(), names);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schedule", schedule.name());
        body.put("function", schedule.functionLogicalId());
        body.put("invoked_at", timestamp(run.invokedAt()));
        body.put("duration_ms", run.durationMillis());
        body.put("result", run.result());
        return json(200, body);
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static GatewayResponse problem(int status, String kind, String title, String detail,
                                           Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:pms:problem:" + kind);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.putAll(extensions);
        return GatewayResponse.of(status, "application/problem+json", bytes(problem));
    }

    private static GatewayResponse json(int status, Object body) {
        return GatewayResponse.of(status, "application/json", bytes(body));
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
