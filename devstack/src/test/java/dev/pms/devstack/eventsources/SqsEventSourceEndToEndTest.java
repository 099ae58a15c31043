package dev.pms.devstack.eventsources;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testfunctions.SqsBatchHandler;
import dev.pms.devstack.testfunctions.SqsBatchHandler.Delivery;
import dev.pms.devstack.testfunctions.SqsJsonHandler;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackTemplate;
import dev.pms.devstack.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The test template's {@code SqsWorkerFunction} consumes {@code WorkerQueue} (BatchSize 3, window 1 s,
 * ReportBatchItemFailures, MaximumConcurrency 2; VisibilityTimeout 2 s, redrive to {@code WorkerDeadLetterQueue}
 * after 2 receives) through the devstack's event source, as Lambda would.
 */
@ExtendWith(DevstackExtension.class)
@DevstackTemplate("classpath:devstack-test-template.yaml")
class SqsEventSourceEndToEndTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);

    /** The first invocation builds a function's Micronaut context, which may outlast the 2 s visibility timeout. */
    @BeforeEach
    void warmUpTheWorkers(Devstack devstack) {
        SQSEvent noMessages = new SQSEvent();
        noMessages.setRecords(List.of());
        devstack.functions().get("SqsWorkerFunction").invoke(noMessages);
        devstack.functions().get("SqsJsonWorkerFunction").invoke(Map.of("Records", List.of()));
    }

    @Test
    void deliversBatchesOfAtMostBatchSizeAsLambdaSqsEventsAndDeletesThem(Devstack devstack) {
        String test = "batch-size";
        try (SqsClient sqs = devstack.localAws().sqsClient()) {
            List<String> ids = List.of("1", "2", "3", "4", "5", "6", "7");
            send(sqs, devstack, "WorkerQueue", test, ids.stream().map(id -> "ok:" + id).toList());

            List<Delivery> deliveries = awaitDeliveries(test, ids.size());
            assertThat(deliveries).extracting(Delivery::id).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(deliveries).allSatisfy(delivery -> assertThat(delivery.batchSize()).isBetween(1, 3));
            assertThat(deliveries).extracting(Delivery::batchSize).contains(3);

            SQSEvent.SQSMessage first = deliveries.stream().filter(delivery -> delivery.id().equals("1"))
                    .findFirst().orElseThrow().message();
            assertThat(first.getEventSource()).isEqualTo("aws:sqs");
            assertThat(first.getEventSourceArn()).isEqualTo(devstack.resources().queueArn("WorkerQueue"));
            assertThat(first.getAwsRegion()).isEqualTo(devstack.localAws().region());
            assertThat(first.getBody()).isEqualTo(SqsBatchHandler.body(test, "ok", "1"));
            assertThat(first.getMd5OfBody()).isEqualTo(md5Hex(first.getBody()));
            assertThat(first.getMessageId()).isNotBlank();
            assertThat(first.getReceiptHandle()).isNotBlank();
            assertThat(first.getAttributes()).containsEntry("ApproximateReceiveCount", "1")
                    .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
            assertThat(first.getMessageAttributes().get("test").getStringValue()).isEqualTo(test);
            assertThat(first.getMessageAttributes().get("test").getDataType()).isEqualTo("String");

            awaitQueueEmpty(sqs, devstack, "WorkerQueue");
            assertThat(SqsBatchHandler.deliveriesOf(test)).hasSize(ids.size());
        }
    }

    @Test
    void aReportedBatchItemFailureComesBackAloneAfterTheVisibilityTimeout(Devstack devstack) {
        String test = "partial";
        try (SqsClient sqs = devstack.localAws().sqsClient()) {
            send(sqs, devstack, "WorkerQueue", test, List.of("ok:a", "fail-once:b", "ok:c"));

            List<Delivery> deliveries = awaitDeliveries(test, 4);
            awaitQueueEmpty(sqs, devstack, "WorkerQueue");
            deliveries = SqsBatchHandler.deliveriesOf(test);

            assertThat(deliveries).extracting(Delivery::id).containsExactlyInAnyOrder("a", "b", "b", "c");
            List<Delivery> failed = deliveries.stream().filter(delivery -> delivery.id().equals("b")).toList();
            assertThat(failed).extracting(Delivery::receiveCount).containsExactly(1, 2);
            assertThat(Duration.between(failed.get(0).receivedAt(), failed.get(1).receivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(failed.get(1).message().getMessageId()).isEqualTo(failed.get(0).message().getMessageId());
        }
    }

    @Test
    void aMessageFailingEveryTimeMovesToTheDeadLetterQueueAfterMaxReceiveCount(Devstack devstack) {
        String test = "dead-letter";
        try (SqsClient sqs = devstack.localAws().sqsClient()) {
            send(sqs, devstack, "WorkerQueue", test, List.of("fail-always:d"));

            String deadLetterQueue = devstack.resources().queueUrl("WorkerDeadLetterQueue");
            Message deadLetter = Eventually.await("the message reaching the DLQ", DELIVERY_TIMEOUT, () -> sqs
                    .receiveMessage(receive -> receive.queueUrl(deadLetterQueue).waitTimeSeconds(2))
                    .messages().stream().findFirst().orElse(null));
            sqs.deleteMessage(delete -> delete.queueUrl(deadLetterQueue).receiptHandle(deadLetter.receiptHandle()));

            assertThat(deadLetter.body()).isEqualTo(SqsBatchHandler.body(test, "fail-always", "d"));
            assertThat(SqsBatchHandler.deliveriesOf(test)).extracting(Delivery::receiveCount).containsExactly(1, 2);
            awaitQueueEmpty(sqs, devstack, "WorkerQueue");
        }
    }

    @Test
    void aThrowingInvocationLeavesItsWholeBatchToBeDeliveredAgain(Devstack devstack) {
        String test = "throwing";
        try (SqsClient sqs = devstack.localAws().sqsClient()) {
            send(sqs, devstack, "WorkerQueue", test, List.of("throw-once:t", "ok:1", "ok:2", "ok:3", "ok:4", "ok:5"));

            awaitDeliveries(test, 7);
            awaitQueueEmpty(sqs, devstack, "WorkerQueue");
            List<Delivery> deliveries = SqsBatchHandler.deliveriesOf(test);

            String thrownBatch = deliveries.stream().filter(delivery -> delivery.id().equals("t"))
                    .findFirst().orElseThrow().batchId();
            Set<String> inThrownBatch = deliveries.stream().filter(delivery -> delivery.batchId().equals(thrownBatch))
                    .map(Delivery::id).collect(Collectors.toSet());
            assertThat(inThrownBatch).as("the batch that threw").hasSizeGreaterThan(1);
            Map<String, Long> timesDelivered = deliveries.stream()
                    .collect(Collectors.groupingBy(Delivery::id, Collectors.counting()));
            timesDelivered.forEach((id, times) ->
                    assertThat(times).as("deliveries of %s", id).isEqualTo(inThrownBatch.contains(id) ? 2L : 1L));
            assertThat(timesDelivered).hasSize(6);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutReportBatchItemFailuresASuccessfulInvocationDeletesTheWholeBatch(Devstack devstack) {
        String test = "no-reports";
        try (SqsClient sqs = devstack.localAws().sqsClient()) {
            send(sqs, devstack, "PlainWorkerQueue", test, List.of("ok:x", "ok:y"));

            Eventually.await("2 records for " + test, DELIVERY_TIMEOUT,
                    () -> SqsJsonHandler.recordsOf(test).size() >= 2 ? Boolean.TRUE : null);
            awaitQueueEmpty(sqs, devstack, "PlainWorkerQueue");

            List<Map<String, Object>> records = SqsJsonHandler.recordsOf(test);
            assertThat(records).as("answered as failed, but not reported: deleted, never redelivered").hasSize(2);
            assertThat(records).allSatisfy(record -> {
                assertThat(record).containsEntry("eventSource", "aws:sqs")
                        .containsEntry("eventSourceARN", devstack.resources().queueArn("PlainWorkerQueue"))
                        .containsEntry("awsRegion", devstack.localAws().region());
                assertThat((Map<String, Object>) record.get("attributes")).containsEntry("ApproximateReceiveCount", "1");
                assertThat((Map<String, Map<String, Object>>) record.get("messageAttributes"))
                        .extractingByKey("test").isEqualTo(Map.of("stringValue", test, "stringListValues", List.of(),
                                "binaryListValues", List.of(), "dataType", "String"));
            });
        }
    }

    private static void send(SqsClient sqs, Devstack devstack, String queue, String test, List<String> actionsAndIds) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int index = 0; index < actionsAndIds.size(); index++) {
            String[] actionAndId = actionsAndIds.get(index).split(":");
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id("m" + index)
                    .messageBody(SqsBatchHandler.body(test, actionAndId[0], actionAndId[1]))
                    .messageAttributes(Map.of("test", MessageAttributeValue.builder().dataType("String").stringValue(test).build()))
                    .build());
        }
        assertThat(sqs.sendMessageBatch(batch -> batch.queueUrl(devstack.resources().queueUrl(queue))
                .entries(entries)).failed()).isEmpty();
    }

    private static List<Delivery> awaitDeliveries(String test, int count) {
        return Eventually.await(count + " deliveries for " + test, DELIVERY_TIMEOUT, () -> {
            List<Delivery> deliveries = SqsBatchHandler.deliveriesOf(test);
            return deliveries.size() >= count ? deliveries : null;
        });
    }

    /** Nothing visible and nothing in flight: every message was deleted (or moved to the DLQ). */
    private static void awaitQueueEmpty(SqsClient sqs, Devstack devstack, String queue) {
        String queueUrl = devstack.resources().queueUrl(queue);
        Eventually.await(queue + " to be empty", DELIVERY_TIMEOUT, () -> {
            Map<String, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings();
            return attributes.values().stream().allMatch("0"::equals) ? Boolean.TRUE : null;
        });
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
