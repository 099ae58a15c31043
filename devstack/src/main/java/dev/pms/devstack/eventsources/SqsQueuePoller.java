package dev.pms.devstack.eventsources;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.functions.InProcessFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's poller for one SQS event source mapping: {@link SqsEventSourceMapping#maximumConcurrency()} threads,
 * each long-polling the queue, gathering up to the batch size within the batching window, invoking the
 * function with an {@link SQSEvent} and deleting what succeeded. As with Lambda, whose pollers are not the
 * function's invocations, deleting a finished batch does not hold the next invocation back: deletions run on
 * their own threads while the polling thread receives again. What is not deleted becomes visible again
 * after the queue's visibility timeout, and ElasticMQ moves it to the dead-letter queue after maxReceiveCount.
 */
final class SqsQueuePoller {

    private static final Logger LOG = LoggerFactory.getLogger(SqsQueuePoller.class);
    static final String THREAD_NAME_PREFIX = "sqs-poller-";
    /**
     * Lambda long-polls for 20 s, but ElasticMQ's shutdown waits for every pending long poll to run out (a
     * client that goes away does not end it), so a short wait keeps closing the devstack prompt.
     */
    static final int LONG_POLL_SECONDS = 1;
    private static final int DELETE_BATCH_LIMIT = 10;
    private static final int DELETION_THREADS = 4;
    private static final Duration RECEIVE_ERROR_BACKOFF = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsEventSourceMapping mapping;
    private final InProcessFunction function;
    private final SqsClient sqs;
    private final String region;
    private final JavaType handlerInputType;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final List<Thread> threads;
    private final ExecutorService deletions;

    SqsQueuePoller(SqsEventSourceMapping mapping, InProcessFunction function, SqsClient sqs, String region) {
        this.mapping = mapping;
        this.function = function;
        this.sqs = sqs;
        this.region = region;
        this.handlerInputType = handlerInputType(function);
        List<Thread> pollers = new ArrayList<>();
        for (int poller = 1; poller <= mapping.maximumConcurrency(); poller++) {
            Thread thread = new Thread(this::pollUntilStopped, THREAD_NAME_PREFIX + mapping.functionLogicalId() + "-"
                    + mapping.eventName() + "-" + poller);
            thread.setDaemon(true);
            pollers.add(thread);
        }
        this.threads = List.copyOf(pollers);
        AtomicInteger deleters = new AtomicInteger();
        this.deletions = Executors.newFixedThreadPool(Math.min(DELETION_THREADS, mapping.maximumConcurrency()), task -> {
            Thread thread = new Thread(task, "sqs-delete-" + mapping.functionLogicalId() + "-" + mapping.eventName()
                    + "-" + deleters.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** Pollers finish the batch they are invoking, then stop; messages received but not yet invoked reappear later. */
    void requestStop() {
        stopRequested.countDown();
    }

    /** Waits until every polling thread has ended or {@code deadlineNanos} ({@link System#nanoTime()}) has passed. */
    boolean awaitStopped(long deadlineNanos) {
        for (Thread thread : threads) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remainingMillis > 0) {
                try {
                    thread.join(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        if (threads.stream().anyMatch(Thread::isAlive)) {
            return false;
        }
        deletions.shutdown();
        try {
            return deletions.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void interruptRemaining() {
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        deletions.shutdownNow();
    }

    SqsEventSourceMapping mapping() {
        return mapping;
    }

    long functionTimeoutSeconds() {
        return function.definition().timeoutSeconds();
    }

    private boolean running() {
        return stopRequested.getCount() > 0;
    }

    private void pollUntilStopped() {
        while (running()) {
            List<Message> batch;
            try {
                batch = gatherBatch();
            } catch (SdkException e) {
                if (running()) {
                    LOG.warn("{}: receiving from {} failed: {}", mapping.functionLogicalId(), mapping.queueLogicalId(),
                            e.toString());
                    awaitStopRequest(RECEIVE_ERROR_BACKOFF);
                }
                continue;
            }
            if (!batch.isEmpty() && running()) {
                deliver(batch);
            }
        }
    }

    private List<Message> gatherBatch() {
        List<Message> batch = new ArrayList<>(receive(LONG_POLL_SECONDS, mapping.receiveLimit()));
        long windowEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(mapping.maximumBatchingWindowSeconds());
        while (!batch.isEmpty() && batch.size() < mapping.batchSize() && running()) {
            long remainingNanos = windowEnds - System.nanoTime();
            if (remainingNanos <= 0) {
                break;
            }
            // WaitTimeSeconds is whole seconds: the window may be exceeded by less than one second
            int waitSeconds = (int) Math.min(LONG_POLL_SECONDS, (remainingNanos + 999_999_999L) / 1_000_000_000L);
            try {
                batch.addAll(receive(waitSeconds, Math.min(mapping.receiveLimit(), mapping.batchSize() - batch.size())));
            } catch (SdkException e) {
                LOG.warn("{}: receiving more from {} failed, invoking with {} message(s): {}", mapping.functionLogicalId(),
                        mapping.queueLogicalId(), batch.size(), e.toString());
                break;
            }
        }
        return batch;
    }

    private List<Message> receive(int waitSeconds, int maxMessages) {
        return sqs.receiveMessage(request -> request.queueUrl(mapping.queueUrl())
                .waitTimeSeconds(waitSeconds)
                .maxNumberOfMessages(maxMessages)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch) {
        SQSEvent event = SqsEvents.eventOf(batch, mapping, region);
        Object response;
        try {
            response = function.invoke(handlerInputType.getRawClass() == SQSEvent.class ? event
                    : JSON.convertValue(SqsEvents.lambdaJsonOf(event), handlerInputType));
        } catch (RuntimeException | Error e) {
            LOG.warn("{}: batch of {} message(s) from {} failed, none deleted: {}", mapping.functionLogicalId(),
                    batch.size(), mapping.queueLogicalId(), e.toString());
            return;
        }
        if (!mapping.reportBatchItemFailures()) {
            deleteLater(batch);
            return;
        }
        Set<String> messageIds = batch.stream().map(Message::messageId).collect(Collectors.toSet());
        BatchItemFailures failures = BatchItemFailures.read(response, messageIds);
        if (failures.wholeBatchFailed()) {
            LOG.warn("{}: batch of {} message(s) from {} counts as failed, none deleted: {}", mapping.functionLogicalId(),
                    batch.size(), mapping.queueLogicalId(), failures.reason());
            return;
        }
        deleteLater(batch.stream().filter(message -> !failures.failedMessageIds().contains(message.messageId())).toList());
    }

    private void deleteLater(List<Message> messages) {
        if (!messages.isEmpty()) {
            deletions.execute(() -> delete(messages));
        }
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += DELETE_BATCH_LIMIT) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + DELETE_BATCH_LIMIT));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int index = 0; index < chunk.size(); index++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(index))
                        .receiptHandle(chunk.get(index).receiptHandle()).build());
            }
            try {
                DeleteMessageBatchResponse response = sqs.deleteMessageBatch(request -> request
                        .queueUrl(mapping.queueUrl()).entries(entries));
                response.failed().forEach(failed -> LOG.warn("{}: could not delete a message from {}: {} {}",
                        mapping.functionLogicalId(), mapping.queueLogicalId(), failed.code(), failed.message()));
            } catch (SdkException e) {
                LOG.warn("{}: deleting {} message(s) from {} failed, they will be delivered again: {}",
                        mapping.functionLogicalId(), chunk.size(), mapping.queueLogicalId(), e.toString());
            }
        }
    }

    private void awaitStopRequest(Duration timeout) {
        try {
            stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the handler's {@code RequestHandler<I, O>} takes; {@link SQSEvent} when it cannot be told. */
    private static JavaType handlerInputType(InProcessFunction function) {
        JavaType sqsEvent = JSON.getTypeFactory().constructType(SQSEvent.class);
        try {
            Class<?> handler = Class.forName(function.definition().handlerClass(), false,
                    Thread.currentThread().getContextClassLoader());
            if (!RequestHandler.class.isAssignableFrom(handler)) {
                return sqsEvent;
            }
            JavaType[] parameters = JSON.getTypeFactory().findTypeParameters(handler, RequestHandler.class);
            return parameters.length == 2 ? parameters[0] : sqsEvent;
        } catch (ClassNotFoundException e) {
            return sqsEvent;
        }
    }
}
