package dev.pms.functions.optimization;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.pms.aws.observability.FunctionTelemetry;
import dev.pms.core.json.Json;
import dev.pms.core.optimization.OptimizationService;
import dev.pms.core.optimization.OptimizationSummary;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled performance loop (EventBridge Scheduler, {@code OptimizationSchedule}): one run over every active
 * campaign for the day of the event's {@code time} (EventBridge's scheduled events carry it; Scheduler's default
 * input does not, and then it is today in UTC). Re-running a day does nothing for campaigns already optimised that day.
 */
public class OptimizationHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {
    private final FunctionTelemetry telemetry;

    public OptimizationHandler() {
        super();
        this.telemetry = FunctionTelemetry.of(getApplicationContext(), getClass());
        getApplicationContext().findBean(OptimizationPriming.class); // only when initialising for a SnapStart snapshot
    }

    public OptimizationHandler(ApplicationContext context) {
        super(context);
        this.telemetry = FunctionTelemetry.of(getApplicationContext(), getClass());
    }

    /** The run's summary as plain JSON values, so any Lambda serializer writes it the same way. */
    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        return telemetry.around(getApplicationContext().findBean(Context.class).orElse(null), () -> optimise(event));
    }

    private Map<String, Object> optimise(Map<String, Object> event) {
        ApplicationContext context = getApplicationContext();
        OptimizationSummary summary = context.getBean(OptimizationService.class)
                .runAll(dayOf(event, context.getBean(Clock.class)));
        return Json.mapper().convertValue(summary,
                new TypeReference<LinkedHashMap<String, Object>>() {
                });
    }

    static LocalDate dayOf(Map<String, Object> event, Clock clock) {
        Object time = event == null ? null : event.get("time");
        if (time instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the scheduled event's time is not an ISO-8601 instant: " + text, e);
            }
        }
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
