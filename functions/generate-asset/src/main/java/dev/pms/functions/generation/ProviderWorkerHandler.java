package dev.pms.functions.generation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.aws.http.SnapStartPriming;
import dev.pms.core.brand.BrandConsistencyScorer;
import dev.pms.core.generation.JobMessage;
import dev.pms.core.generation.ProviderJobWorker;
import dev.pms.core.json.Json;
import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The provider worker on {@code ProviderJobsQueue}: each message is one job; a job that throws is reported as a
 * batch item failure, so SQS delivers it again (and, after {@code maxReceiveCount}, to the dead-letter queue) while
 * the rest of the batch is done. A message that is not a job at all is logged and dropped.
 */
public class ProviderWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderWorkerHandler.class);

    /** A failed job comes back after 2, 4, 8 … seconds (at most a minute) instead of the queue's whole timeout. */
    private static final int MAX_RETRY_DELAY_SECONDS = 60;

    private final ApplicationContext context;
    private final ProviderJobWorker worker;
    private final SqsClient sqs;
    private final String queueUrl;
    private final SnapStartPriming priming;

    public ProviderWorkerHandler() {
        this(ApplicationContext.run());
    }

    public ProviderWorkerHandler(ApplicationContext context) {
        this.context = context;
        this.worker = context.getBean(ProviderJobWorker.class);
        this.sqs = context.getBean(SqsClient.class);
        this.queueUrl = context.getProperty("provider.jobs.queue.url", String.class).orElse(null);
        this.priming = SnapStartPriming.register("the brand-consistency model",
                context.getBean(BrandConsistencyScorer.class)::prime);
        context.findBean(ProviderWorkerPriming.class); // only when Lambda initialises for a SnapStart snapshot
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context lambdaContext) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            JobMessage job;
            try {
                job = Json.mapper().readValue(message.getBody(), JobMessage.class);
            } catch (JsonProcessingException e) {
                LOG.warn("dropping message {}: not a provider job", message.getMessageId());
                continue;
            }
            try {
                ProviderJobWorker.Result result = worker.process(job);
                LOG.debug("job {} (message {}): {}", job.assetLibraryId(), message.getMessageId(), result);
            } catch (RuntimeException e) {
                LOG.warn("job {} (message {}) failed and will be delivered again: {}", job.assetLibraryId(),
                        message.getMessageId(), e.getClass().getSimpleName());
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
                retrySoon(message);
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private void retrySoon(SQSEvent.SQSMessage message) {
        if (queueUrl == null || queueUrl.isBlank()) {
            return;
        }
        int receives = Integer.parseInt(message.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
        int delay = Math.min(MAX_RETRY_DELAY_SECONDS, 1 << Math.min(receives, 6));
        try {
            sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl)
                    .receiptHandle(message.getReceiptHandle()).visibilityTimeout(delay));
        } catch (RuntimeException e) {
            LOG.debug("message {} keeps the queue's visibility timeout: {}", message.getMessageId(), e.toString());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
