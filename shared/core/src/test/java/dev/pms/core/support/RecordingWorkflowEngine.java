package dev.pms.core.support;

import dev.pms.core.generation.WorkflowEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * A workflow engine that records what it is asked: started inputs, stopped executions, answered task tokens
 * ({@code failed} as {@code token:error}); every execution starts, every token still waits.
 */
public final class RecordingWorkflowEngine implements WorkflowEngine {
    public final List<String> started = new ArrayList<>();
    public final List<String> stopped = new ArrayList<>();
    public final List<String> succeeded = new ArrayList<>();
    public final List<String> failed = new ArrayList<>();

    @Override
    public String start(String executionName, String inputJson) {
        started.add(inputJson);
        return "arn:execution:" + executionName;
    }

    @Override
    public void stop(String executionId, String reason) {
        stopped.add(executionId);
    }

    @Override
    public boolean succeed(String token, String outputJson) {
        succeeded.add(token);
        return true;
    }

    @Override
    public boolean fail(String token, String error, String cause) {
        failed.add(token + ":" + error);
        return true;
    }
}
