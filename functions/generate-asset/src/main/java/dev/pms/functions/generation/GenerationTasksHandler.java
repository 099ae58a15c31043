package dev.pms.functions.generation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.pms.aws.observability.FunctionTelemetry;
import dev.pms.aws.observability.LogCorrelation;
import dev.pms.core.generation.GenerationWorkflow;
import dev.pms.core.generation.ItemFailure;
import dev.pms.core.generation.RunInput;
import dev.pms.core.json.Json;
import dev.pms.core.observability.OperationalMetrics;
import io.micronaut.context.ApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generation workflow's Lambda tasks, chosen by {@code action}: {@code prepare}, {@code await_approval} (with
 * the task token), {@code reserve}, {@code item_failed} and {@code finalize}. Each answers a small JSON object the
 * state machine's Choice states read; business outcomes are answers, not errors.
 */
public class GenerationTasksHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, AutoCloseable {
    private final ApplicationContext context;
    private final GenerationWorkflow workflow;
    private final FunctionTelemetry telemetry;
    private final OperationalMetrics metrics;

    public GenerationTasksHandler() {
        this(ApplicationContext.run());
    }

    public GenerationTasksHandler(ApplicationContext context) {
        this.context = context;
        this.workflow = context.getBean(GenerationWorkflow.class);
        this.telemetry = FunctionTelemetry.of(context, getClass());
        this.metrics = context.getBean(OperationalMetrics.class);
        context.findBean(GenerationTasksPriming.class); // only when Lambda initialises for a SnapStart snapshot
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context lambdaContext) {
        return telemetry.around(lambdaContext, () -> handle(event));
    }

    private Map<String, Object> handle(Map<String, Object> event) {
        Object action = event.get("action");
        correlate(event);
        return switch (String.valueOf(action)) {
            case "prepare" -> {
                RunInput.StepResult step = workflow.prepare(runInput(event));
                yield answer("next", step.next(), "outcome", step.outcome(), "reason", step.reason());
            }
            case "await_approval" -> {
                workflow.awaitApproval(runInput(event), String.valueOf(event.get("task_token")));
                yield Map.of("waiting", true);
            }
            case "reserve" -> {
                GenerationWorkflow.Reserved reserved = workflow.reserve(runInput(event));
                if ("plan_exceeded".equals(reserved.outcome())) {
                    metrics.reservationRefused("workflow");
                }
                yield answer("next", reserved.next(), "outcome", reserved.outcome(), "reason", reserved.reason(),
                        "items", reserved.items());
            }
            case "item_failed" -> {
                workflow.itemFailed(Json.mapper().convertValue(event.get("item"), ItemFailure.class));
                yield Map.of("recorded", true);
            }
            case "finalize" -> {
                GenerationWorkflow.Finalized finalized = workflow.finalizeRun(runInput(event));
                yield answer("outcome", finalized.outcome(), "ready", finalized.ready(), "failed", finalized.failed(),
                        "cost_usd", finalized.costUsd());
            }
            default -> throw new IllegalArgumentException("unknown generation task action '" + action + "'");
        };
    }

    private static void correlate(Map<String, Object> event) {
        if (event.get("run") instanceof Map<?, ?>) {
            RunInput run = runInput(event);
            LogCorrelation.start().user(run.userId()).with(LogCorrelation.CAMPAIGN_ID, run.campaignId())
                    .with(LogCorrelation.RUN_ID, run.runId());
        }
    }

    private static RunInput runInput(Map<String, Object> event) {
        return Json.mapper().convertValue(event.get("run"), RunInput.class);
    }

    /** Every key present, null or not: the state machine's ResultSelectors name each one. */
    private static Map<String, Object> answer(Object... keysAndValues) {
        Map<String, Object> answer = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            answer.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return answer;
    }

    @Override
    public void close() {
        context.close();
    }
}
