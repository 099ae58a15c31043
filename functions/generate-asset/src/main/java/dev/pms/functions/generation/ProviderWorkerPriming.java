package dev.pms.functions.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.aws.http.ApiPriming;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.pms.aws.http.PrimingResource;
import dev.pms.aws.http.RuntimeSerializationPriming;
import dev.pms.core.generation.JobMessage;
import dev.pms.core.generation.ProviderJobWorker;
import dev.pms.core.json.Json;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * SnapStart priming of the provider worker: a queue message for an asset the priming caller does not have, read as
 * the handler reads it; the worker looks the asset up in the table and drops the job (it has no task token to answer).
 */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class ProviderWorkerPriming extends PrimingResource {
    private final ProviderJobWorker worker;

    public ProviderWorkerPriming(ProviderJobWorker worker) {
        super("provider worker");
        this.worker = worker;
    }

    @Override
    protected void prime() {
        String body = Json.write(new JobMessage(ApiPriming.PRIMING_USER, ApiPriming.PRIMING_USER, null, false));
        try {
            worker.process(Json.mapper().readValue(body, JobMessage.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(ApiPriming.PRIMING_USER);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        RuntimeSerializationPriming.prime(SQSEvent.class, event, SQSBatchResponse.class,
                SQSBatchResponse.builder().withBatchItemFailures(List.of()).build());
    }
}
