package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.stepfunctions.TaskFailedException;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One attempt of a Task state: Lambda, SQS and nested-execution integrations, callback tokens, timeouts and
 * heartbeats; each attempt's outcome is journaled so that a restarted execution does not call the task again.
 */
final class TaskState {
    private final StepFunctionsEngine engine;
    private final ExecutionRecord record;
    private final ExecutionJournal journal;
    private final TaskIntegrations integrations;
    private final BranchHistory history;

    TaskState(StepFunctionsEngine engine, ExecutionRecord record, ExecutionJournal journal, BranchHistory history) {
        this.engine = engine;
        this.record = record;
        this.journal = journal;
        this.integrations = new TaskIntegrations(engine);
        this.history = history;
    }

    CompletableFuture<JsonNode> attempt(ExecutionBranch branch, String attemptKey, String name, JsonNode state,
                                            JsonNode effective, ContextObject stateContext,
                                            QueryLanguage language) {
        TaskResource resource = TaskResource.parse(state.get("Resource").textValue());
        boolean lambdaFunction = resource.integration() == TaskResource.Integration.LAMBDA_FUNCTION;
        String token = null;
        ContextObject taskContext = stateContext;
        if (resource.waitForTaskToken()) {
            token = journal.get(attemptKey + ":token").map(JsonNode::textValue)
                    .orElseGet(() -> TaskTokens.newToken(record.executionArn()));
            taskContext = stateContext.withTaskToken(token);
        }
        JsonNode parameters = language.arguments(state, effective, taskContext);
        String parametersJson = Json.write(parameters);
        if (PayloadLimits.exceeds(parametersJson)) {
            throw PayloadLimits.inputTooLarge(name);
        }
        long timeoutSeconds = language.seconds(state, "TimeoutSeconds", effective, stateContext);
        long heartbeatSeconds = language.seconds(state, "HeartbeatSeconds", effective, stateContext);

        Optional<JsonNode> journaled = journal.get(attemptKey + ":outcome");
        if (journaled.isPresent()) {
            JsonNode entry = journaled.get();
            return entry.has("result") ? CompletableFuture.completedFuture(entry.get("result"))
                    : CompletableFuture.failedFuture(new AslError(entry.path("error").textValue(),
                    entry.path("cause").textValue()));
        }

        if (lambdaFunction) {
            ObjectNode details = Json.object();
            details.put("resource", resource.functionArn());
            details.put("input", parametersJson);
            details.putObject("inputDetails").put("truncated", false);
            if (timeoutSeconds > 0) {
                details.put("timeoutInSeconds", timeoutSeconds);
            }
            history.event(branch, attemptKey + ":scheduled", "LambdaFunctionScheduled",
                    "lambdaFunctionScheduledEventDetails", details);
        } else {
            ObjectNode details = TaskIntegrations.taskDetails(resource);
            details.put("region", engine.region);
            details.put("parameters", parametersJson);
            if (timeoutSeconds > 0) {
                details.put("timeoutInSeconds", timeoutSeconds);
            }
            if (heartbeatSeconds > 0) {
                details.put("heartbeatInSeconds", heartbeatSeconds);
            }
            history.event(branch, attemptKey + ":scheduled", "TaskScheduled", "taskScheduledEventDetails", details);
        }

        CompletableFuture<JsonNode> attemptResult = new CompletableFuture<>();
        Runnable cancelHook = () -> attemptResult.completeExceptionally(CancelScope.Cancelled.INSTANCE);
        branch.scope.onCancel(cancelHook);
        ScheduledFuture<?> timeoutTimer = timeoutSeconds <= 0 ? null : engine.timers.schedule(
                () -> attemptResult.completeExceptionally(new AslError(AslError.TIMEOUT,
                        "The task did not finish within " + timeoutSeconds + " seconds")),
                timeoutSeconds, TimeUnit.SECONDS);
        boolean alreadySent = false;
        if (token != null) {
            alreadySent = journal.get(attemptKey + ":token").isPresent();
            TaskTokens.Pending pending = engine.tokens.register(token, heartbeatSeconds,
                    () -> attemptResult.completeExceptionally(new AslError(AslError.HEARTBEAT_TIMEOUT,
                            "No heartbeat within " + heartbeatSeconds + " seconds")));
            pending.result.whenComplete((value, failure) -> {
                if (failure == null) {
                    completeResult(attemptResult, value, resource);
                } else {
                    attemptResult.completeExceptionally(ExecutionRun.unwrap(failure));
                }
            });
            journal.put(attemptKey + ":token", Json.NODES.textNode(token));
        }
        String issuedToken = token;
        if (!alreadySent) {
            engine.taskCalls.execute(
                    () -> invoke(branch, attemptKey, resource, parameters, issuedToken, attemptResult));
        }
        return attemptResult.whenComplete((value, failure) -> {
            if (timeoutTimer != null) {
                timeoutTimer.cancel(false);
            }
            branch.scope.removeHook(cancelHook);
            Throwable cause = failure == null ? null : ExecutionRun.unwrap(failure);
            if (issuedToken != null) {
                engine.tokens.close(issuedToken, cause instanceof AslError e
                        && (AslError.TIMEOUT.equals(e.error()) || AslError.HEARTBEAT_TIMEOUT.equals(e.error())));
            }
            if (cause instanceof CancelScope.Cancelled) {
                return;
            }
            ObjectNode journalEntry = Json.object();
            if (failure == null) {
                journalEntry.set("result", value);
                if (lambdaFunction) {
                    ObjectNode details = Json.object();
                    details.put("output", Json.write(value));
                    details.putObject("outputDetails").put("truncated", false);
                    history.event(branch, attemptKey + ":done", "LambdaFunctionSucceeded",
                            "lambdaFunctionSucceededEventDetails", details);
                } else {
                    ObjectNode details = TaskIntegrations.taskDetails(resource);
                    details.put("output", Json.write(value));
                    details.putObject("outputDetails").put("truncated", false);
                    history.event(branch, attemptKey + ":done", "TaskSucceeded", "taskSucceededEventDetails", details);
                }
            } else if (cause instanceof AslError error) {
                journalEntry.put("error", error.error());
                journalEntry.put("cause", error.errorCause());
                boolean timedOut = AslError.TIMEOUT.equals(error.error())
                        || AslError.HEARTBEAT_TIMEOUT.equals(error.error());
                ObjectNode details = lambdaFunction ? Json.object() : TaskIntegrations.taskDetails(resource);
                details.put("error", error.error());
                details.put("cause", error.errorCause());
                String type = lambdaFunction ? (timedOut ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed")
                        : (timedOut ? "TaskTimedOut" : "TaskFailed");
                history.event(branch, attemptKey + ":done", type,
                        Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails", details);
            }
            journal.put(attemptKey + ":outcome", journalEntry);
        });
    }

    private void invoke(ExecutionBranch branch, String attemptKey, TaskResource resource, JsonNode parameters, String token,
                        CompletableFuture<JsonNode> attemptResult) {
        if (attemptResult.isDone()) {
            return;
        }
        boolean lambdaFunction = resource.integration() == TaskResource.Integration.LAMBDA_FUNCTION;
        if (lambdaFunction) {
            history.event(branch, attemptKey + ":started", "LambdaFunctionStarted", null, null);
        } else {
            history.event(branch, attemptKey + ":started", "TaskStarted", "taskStartedEventDetails",
                    TaskIntegrations.taskDetails(resource));
        }
        try {
            if (resource.integration() == TaskResource.Integration.START_EXECUTION
                    && (resource.pattern() == TaskResource.Pattern.SYNC
                    || resource.pattern() == TaskResource.Pattern.SYNC_JSON)) {
                runChildExecution(branch, resource, parameters, attemptResult);
                return;
            }
            JsonNode response = switch (resource.integration()) {
                case LAMBDA_FUNCTION -> TaskIntegrations.parseResult(engine.runtime.invokeLambda(resource.functionArn(),
                        Json.write(parameters)));
                case LAMBDA_INVOKE -> integrations.lambdaInvoke(parameters);
                case SQS_SEND -> integrations.sqsSend(parameters);
                case START_EXECUTION -> TaskIntegrations.executionSummary(integrations.startChild(parameters), false,
                        false);
            };
            if (token == null) {
                completeResult(attemptResult, response, resource);
            } else {
                ObjectNode details = TaskIntegrations.taskDetails(resource);
                details.put("output", Json.write(response));
                details.putObject("outputDetails").put("truncated", false);
                history.event(branch, attemptKey + ":submitted", "TaskSubmitted", "taskSubmittedEventDetails", details);
            }
        } catch (TaskFailedException e) {
            attemptResult.completeExceptionally(new AslError(e.getError(), e.getErrorCause()));
        } catch (AslError e) {
            attemptResult.completeExceptionally(e);
        } catch (RuntimeException e) {
            attemptResult.completeExceptionally(new AslError(e.getClass().getSimpleName(),
                    e.getMessage() == null ? "" : e.getMessage()));
        }
    }

    /** Completes a task attempt with its result, or States.DataLimitExceeded when the result is over 256 KiB. */
    private static void completeResult(CompletableFuture<JsonNode> attemptResult, JsonNode result,
                                       TaskResource resource) {
        if (PayloadLimits.exceeds(Json.write(result))) {
            attemptResult.completeExceptionally(PayloadLimits.resultTooLarge(resource.dataLimitName()));
        } else {
            attemptResult.complete(result);
        }
    }

    /** {@code .sync} / {@code .sync:2}: the task ends when the child execution ends, with its description. */
    private void runChildExecution(ExecutionBranch branch, TaskResource resource, JsonNode parameters,
                                   CompletableFuture<JsonNode> attemptResult) {
        ExecutionRecord child = integrations.startChild(parameters);
        Runnable stopChild = () -> engine.nested().stop(child.executionArn(), "States.Aborted",
                "the parent execution's task was cancelled");
        branch.scope.onCancel(stopChild);
        attemptResult.whenComplete((value, failure) -> {
            branch.scope.removeHook(stopChild);
            if (failure != null && !child.finished().isDone()) {
                stopChild.run();
            }
        });
        boolean parseOutput = resource.pattern() == TaskResource.Pattern.SYNC_JSON;
        child.finished().whenComplete((ended, failure) -> {
            if ("SUCCEEDED".equals(ended.status())) {
                completeResult(attemptResult, TaskIntegrations.executionSummary(ended, true, parseOutput), resource);
            } else {
                attemptResult.completeExceptionally(new AslError(AslError.TASK_FAILED,
                        Json.write(TaskIntegrations.executionSummary(ended, true, parseOutput))));
            }
        });
    }
}
