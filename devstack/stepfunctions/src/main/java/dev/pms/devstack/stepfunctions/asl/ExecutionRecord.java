package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** What the API reports about one execution. */
public final class ExecutionRecord {

    public static final String RUNNING = "RUNNING";

    private final String executionArn;
    private final String stateMachineArn;
    private final String stateMachineName;
    private final String name;
    private final String roleArn;
    private final String input;
    private final Instant startDate;
    private final JsonNode definition;
    private final History history = new History();
    private final CompletableFuture<ExecutionRecord> finished = new CompletableFuture<>();
    private String status = RUNNING;
    private Instant stopDate;
    private String output;
    private String error;
    private String cause;

    public ExecutionRecord(String executionArn, String stateMachineArn, String stateMachineName, String name,
                           String roleArn, String input, Instant startDate, JsonNode definition) {
        this.executionArn = executionArn;
        this.stateMachineArn = stateMachineArn;
        this.stateMachineName = stateMachineName;
        this.name = name;
        this.roleArn = roleArn;
        this.input = input;
        this.startDate = startDate;
        this.definition = definition;
    }

    /**
     * Moves a running execution to its terminal status; false if it had already ended. Callers that hold
     * this record's monitor call {@link #announceEnd()} after releasing it.
     */
    public synchronized boolean finish(String newStatus, String newOutput, String newError, String newCause) {
        if (!RUNNING.equals(status)) {
            return false;
        }
        status = newStatus;
        stopDate = Instant.now();
        output = newOutput;
        error = newError;
        cause = newCause;
        return true;
    }

    /** Completes {@link #finished()} for an ended execution; runs its dependents on the calling thread. */
    public void announceEnd() {
        if (!RUNNING.equals(status())) {
            finished.complete(this);
        }
    }

    /** Restores a persisted terminal state. */
    public synchronized void restoreEnded(String endedStatus, Instant endedAt, String endedOutput, String endedError,
                                          String endedCause) {
        status = endedStatus;
        stopDate = endedAt;
        output = endedOutput;
        error = endedError;
        cause = endedCause;
        finished.complete(this);
    }

    public String executionArn() {
        return executionArn;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    public String stateMachineName() {
        return stateMachineName;
    }

    public String name() {
        return name;
    }

    public String roleArn() {
        return roleArn;
    }

    public String input() {
        return input;
    }

    public Instant startDate() {
        return startDate;
    }

    public JsonNode definition() {
        return definition;
    }

    public History history() {
        return history;
    }

    public CompletableFuture<ExecutionRecord> finished() {
        return finished;
    }

    public synchronized String status() {
        return status;
    }

    public synchronized Instant stopDate() {
        return stopDate;
    }

    public synchronized String output() {
        return output;
    }

    public synchronized String error() {
        return error;
    }

    public synchronized String cause() {
        return cause;
    }
}
