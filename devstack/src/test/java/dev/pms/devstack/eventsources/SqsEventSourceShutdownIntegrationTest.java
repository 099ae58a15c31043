package dev.pms.devstack.eventsources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.devstack.testfunctions.SqsBatchHandler;
import dev.pms.devstack.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A devstack of its own, closed while its pollers are long-polling. */
class SqsEventSourceShutdownIntegrationTest {

    @Test
    void closingTheDevstackEndsEveryPollingThread(@TempDir Path signingKey) throws Exception {
        Set<Thread> pollersBefore = pollerThreads();
        Path template = Path.of(getClass().getResource("/devstack-test-template.yaml").toURI());
        List<Thread> ours;
        Duration closeTook;
        Devstack devstack = Devstack.start(DevstackOptions.defaults().withTemplate(template)
                .withSigningKeyDirectory(signingKey));
        try {
            ours = pollerThreads().stream().filter(thread -> !pollersBefore.contains(thread)).toList();
            assertThat(ours).extracting(Thread::getName).as("one per MaximumConcurrency (2, and the default 5)")
                    .containsExactlyInAnyOrder("sqs-poller-SqsWorkerFunction-Jobs-1", "sqs-poller-SqsWorkerFunction-Jobs-2",
                            "sqs-poller-SqsJsonWorkerFunction-Plain-1", "sqs-poller-SqsJsonWorkerFunction-Plain-2",
                            "sqs-poller-SqsJsonWorkerFunction-Plain-3", "sqs-poller-SqsJsonWorkerFunction-Plain-4",
                            "sqs-poller-SqsJsonWorkerFunction-Plain-5");

            String test = "shutdown";
            try (SqsClient sqs = devstack.localAws().sqsClient()) {
                sqs.sendMessage(send -> send.queueUrl(devstack.resources().queueUrl("WorkerQueue"))
                        .messageBody(SqsBatchHandler.body(test, "ok", "s")));
            }
            Eventually.await("a delivery", Duration.ofSeconds(15),
                    () -> SqsBatchHandler.deliveriesOf(test).isEmpty() ? null : Boolean.TRUE);
        } finally {
            long closing = System.nanoTime();
            devstack.close();
            closeTook = Duration.ofNanos(System.nanoTime() - closing);
        }

        assertThat(ours).noneMatch(Thread::isAlive);
        assertThat(closeTook).as("ElasticMQ waits for pending long polls when it stops")
                .isLessThan(Duration.ofSeconds(10));
    }

    private static Set<Thread> pollerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(SqsQueuePoller.THREAD_NAME_PREFIX))
                .collect(Collectors.toSet());
    }
}
