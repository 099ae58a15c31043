package dev.pms.devstack.stepfunctions;

import dev.pms.devstack.stepfunctions.api.SfnJsonProtocolServer;
import dev.pms.devstack.stepfunctions.api.StepFunctionsBackend;
import dev.pms.devstack.stepfunctions.asl.ApiError;
import dev.pms.devstack.stepfunctions.asl.ExecutionRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The devstack's Step Functions: the ASL engine behind the Step Functions JSON API on a local port. */
public final class StepFunctionsService implements AutoCloseable {

    private final StepFunctionsBackend backend;
    private final SfnJsonProtocolServer server;

    private StepFunctionsService(StepFunctionsBackend backend, SfnJsonProtocolServer server) {
        this.backend = backend;
        this.server = server;
    }

    /** port 0 = ephemeral; dataDir null = in memory. Binds 127.0.0.1. */
    public static StepFunctionsService start(int port, Path dataDirOrNull, TaskRuntime runtime) {
        StepFunctionsBackend backend = new StepFunctionsBackend(runtime, dataDirOrNull);
        try {
            return new StepFunctionsService(backend, new SfnJsonProtocolServer(port, backend));
        } catch (IOException e) {
            backend.close();
            throw new UncheckedIOException("Cannot serve Step Functions on port " + port, e);
        }
    }

    /** e.g. http://127.0.0.1:PORT */
    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * Creates or updates (by name) and returns the state machine ARN.
     *
     * @throws IllegalArgumentException when the definition is invalid or uses an unsupported feature
     */
    public String deployStateMachine(String name, String definitionJson, String roleArn) {
        try {
            return backend.deploy(name, definitionJson, roleArn);
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
        }
    }

    /** The ARN a state machine of this name has (or will have) on this service. */
    public String stateMachineArn(String name) {
        return StepFunctionsBackend.stateMachineArn(name);
    }

    /**
     * Blocks until the execution has ended (or the timeout passes) and returns its status, e.g. SUCCEEDED.
     *
     * @throws java.util.concurrent.TimeoutException when it is still running after the timeout
     */
    public String awaitExecutionEnd(String executionArn, Duration timeout)
            throws TimeoutException, InterruptedException {
        ExecutionRecord record = backend.execution(executionArn)
                .orElseThrow(() -> new IllegalArgumentException("No execution " + executionArn));
        try {
            return record.finished().get(timeout.toMillis(), TimeUnit.MILLISECONDS).status();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        server.close();
        backend.close();
    }
}
