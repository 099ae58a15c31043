package dev.pms.devstack.stepfunctions;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** SDK clients for a local endpoint, and polling with a deadline. */
public final class SfnTestSupport {

    private SfnTestSupport() {
    }

    public static SfnClient client(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /** Polls until the execution has left RUNNING. */
    public static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DescribeExecutionResponse execution = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution still RUNNING after " + timeout + ": " + executionArn);
            }
            pollPause();
        }
    }

    /** The pause between two polls of a remote server; every poll loop also has a deadline. */
    public static void pollPause() {
        LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }

    /** Polls {@code condition} until true or the timeout passes. */
    public static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            pollPause();
        }
    }

    public static List<HistoryEvent> history(SfnClient sfn, String executionArn) {
        List<HistoryEvent> events = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn)).events().forEach(events::add);
        return events;
    }

    public static List<String> eventTypes(SfnClient sfn, String executionArn) {
        return history(sfn, executionArn).stream().map(HistoryEvent::typeAsString).toList();
    }
}
