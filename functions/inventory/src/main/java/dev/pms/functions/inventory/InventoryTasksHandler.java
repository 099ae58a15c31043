package dev.pms.functions.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.pms.aws.observability.FunctionTelemetry;
import dev.pms.aws.observability.LogCorrelation;
import dev.pms.core.inventory.EntryOutcome;
import dev.pms.core.inventory.InventoryImport;
import dev.pms.core.inventory.InventoryImportTasks;
import io.micronaut.context.ApplicationContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import workflow's Lambda tasks, chosen by {@code action}: {@code prepare}, {@code item}, {@code item_failed}
 * and {@code finalize}. Each answers a small JSON object the state machine reads; an entry that cannot be imported is
 * an answer (its outcome), not an error.
 */
public class InventoryTasksHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, AutoCloseable {
    private final ApplicationContext context;
    private final InventoryImportTasks tasks;
    private final FunctionTelemetry telemetry;

    public InventoryTasksHandler() {
        this(ApplicationContext.run());
    }

    public InventoryTasksHandler(ApplicationContext context) {
        this.context = context;
        this.tasks = context.getBean(InventoryImportTasks.class);
        this.telemetry = FunctionTelemetry.of(context, getClass());
        // only when Lambda initialises for a SnapStart snapshot
        context.findBean(InventoryTasksPriming.class).ifPresent(priming -> priming.attach(this));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context lambdaContext) {
        return telemetry.around(lambdaContext, () -> handle(event));
    }

    private Map<String, Object> handle(Map<String, Object> event) {
        Object action = event.get("action");
        Map<?, ?> subject = event.get("run") instanceof Map<?, ?> run ? run
                : event.get("item") instanceof Map<?, ?> item ? item : Map.of();
        LogCorrelation.start().user(text(subject, "user_id")).with(LogCorrelation.CAMPAIGN_ID, text(subject, "campaign_id"))
                .with(LogCorrelation.JOB_ID, text(subject, "import_id"));
        return switch (String.valueOf(action)) {
            case "prepare" -> {
                Map<?, ?> run = map(event, "run");
                InventoryImportTasks.Prepared prepared = tasks.prepare(text(run, "user_id"), text(run, "campaign_id"),
                        text(run, "import_id"));
                yield answer("outcome", prepared.outcome(), "indexes", prepared.indexes(), "reason", prepared.reason());
            }
            case "item" -> {
                Map<?, ?> item = map(event, "item");
                yield outcome(tasks.importEntry(text(item, "user_id"), text(item, "campaign_id"), text(item, "import_id"),
                        number(item, "index")));
            }
            case "item_failed" -> {
                Map<?, ?> item = map(event, "item");
                Map<?, ?> failure = item.get("failure") instanceof Map<?, ?> caught ? caught : Map.of();
                String cause = failure.get("Error") + (failure.get("Cause") == null ? "" : ": " + failure.get("Cause"));
                yield outcome(tasks.entryFailed(text(item, "user_id"), text(item, "import_id"), number(item, "index"),
                        "entry " + number(item, "index"), cause.length() > 300 ? cause.substring(0, 300) : cause));
            }
            case "finalize" -> {
                Map<?, ?> run = map(event, "run");
                InventoryImport done = tasks.finish(text(run, "user_id"), text(run, "campaign_id"),
                        text(run, "import_id"), failureOf(run));
                yield answer("status", done.status().code(), "created", done.counts().created(),
                        "updated", done.counts().updated(), "skipped", done.counts().skipped(),
                        "failed", done.counts().failed());
            }
            default -> throw new IllegalArgumentException("unknown inventory task action '" + action + "'");
        };
    }

    /** Why the import could not run: preparation refused the source, or the workflow caught an error. */
    private static String failureOf(Map<?, ?> run) {
        if (run.get("prepared") instanceof Map<?, ?> prepared && "refused".equals(prepared.get("outcome"))) {
            return String.valueOf(prepared.get("reason"));
        }
        if (run.get("failure") instanceof Map<?, ?> failure) {
            return "the import could not be prepared (" + failure.get("Error") + "); start it again to resume";
        }
        return null;
    }

    private static Map<String, Object> outcome(EntryOutcome outcome) {
        return answer("index", outcome.index(), "result", outcome.result().code(), "item_id", outcome.itemId(),
                "reason", outcome.reason());
    }

    private static Map<?, ?> map(Map<String, Object> event, String key) {
        if (event.get(key) instanceof Map<?, ?> value) {
            return value;
        }
        throw new IllegalArgumentException("the task event has no '" + key + "' object");
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the task event has no '" + key + "'");
        }
        return String.valueOf(value);
    }

    private static int number(Map<?, ?> map, String key) {
        if (map.get(key) instanceof Number number) {
            return number.intValue();
        }
        throw new IllegalArgumentException("the task event's '" + key + "' is not a number");
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

    static List<String> actions() {
        return List.of("prepare", "item", "item_failed", "finalize");
    }
}
