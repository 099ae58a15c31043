package dev.pms.aws.workflow;

import dev.pms.core.generation.JobMessage;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.json.Json;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

/** The provider jobs queue on SQS ({@code PROVIDER_JOBS_QUEUE_URL}); delays beyond SQS's 15 minutes are capped. */
@Singleton
public class SqsJobQueue implements JobQueue {
    private static final int MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsJobQueue(SqsClient sqs, @Value("${provider.jobs.queue.url:}") String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(JobMessage message, Duration delay) {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalStateException("PROVIDER_JOBS_QUEUE_URL is not set for this function");
        }
        int seconds = (int) Math.min(MAX_DELAY_SECONDS, Math.max(0, delay.toSeconds()));
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(Json.write(message)).delaySeconds(seconds));
    }
}
