package dev.pms.functions.generation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.aws.http.SnapStartPriming;
import dev.pms.aws.observability.FunctionTelemetry;
import dev.pms.aws.observability.LogCorrelation;
import dev.pms.core.brand.BrandConsistencyScorer;
import dev.pms.core.generation.JobMessage;
import dev.pms.core.generation.ProviderJobWorker;
import dev.pms.core.json.Json;
import dev.pms.core.observability.OperationalMetrics;
import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    private final FunctionTelemetry telemetry;
    private final OperationalMetrics metrics;

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
        this.telemetry = FunctionTelemetry.of(context, getClass());
        this.metrics = context.getBean(OperationalMetrics.class);
        context.findBean(ProviderWorkerPriming.class); // only when Lambda initialises for a SnapStart snapshot
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context lambdaContext) {
        return telemetry.around(lambdaContext, () -> handle(event));
    }

    private SQSBatchResponse handle(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            JobMessage job;
            try {
                job = Json.mapper().readValue(message.getBody(), JobMessage.class);
            } catch (JsonProcessingException e) {
                LOG.warn("dropping message {}: not a provider job", message.getMessageId());
                continue;
            }
            try (LogCorrelation ids = LogCorrelation.start().user(job.userId())
                    .with(LogCorrelation.ASSET_ID, job.assetLibraryId()).with(LogCorrelation.JOB_ID, message.getMessageId())) {
                if (receives(message) > 1) {
                    metrics.jobRedriven();
                }
                ProviderJobWorker.Result result = worker.process(job);
                LOG.info("job {}{}", result, job.poll() ? " (poll)" : "");
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
        int delay = Math.min(MAX_RETRY_DELAY_SECONDS, 1 << Math.min(receives(message), 6));
        try {
            sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl)
                    .receiptHandle(message.getReceiptHandle()).visibilityTimeout(delay));
        } catch (RuntimeException e) {
            LOG.debug("message {} keeps the queue's visibility timeout: {}", message.getMessageId(), e.toString());
        }
    }

    private static int receives(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        return attributes == null ? 1 : Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1"));
    }

    @Override
    public void close() {
        context.close();
    }
}
