package dev.pms.functions.generation;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.PrimingResource;
import dev.pms.aws.http.RuntimeSerializationPriming;
import dev.pms.core.generation.GenerationWorkflow;
import dev.pms.core.generation.RunInput;
import dev.pms.core.json.Json;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * SnapStart priming of the generation workflow's tasks: a {@code prepare} task for a campaign the priming caller does
 * not have, read from the state machine's payload as the handler reads it; the workflow looks the campaign up in the
 * table and answers that the run is over, writing nothing.
 */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class GenerationTasksPriming extends PrimingResource {
    private final GenerationWorkflow workflow;

    public GenerationTasksPriming(GenerationWorkflow workflow) {
        super("generation tasks");
        this.workflow = workflow;
    }

    @Override
    protected void prime() {
        Map<String, Object> run = Map.of("user_id", ApiPriming.PRIMING_USER, "campaign_id", ApiPriming.PRIMING_USER,
                "run_id", ApiPriming.PRIMING_USER, "autopilot", false, "tier", "standard");
        RunInput.StepResult step = workflow.prepare(Json.mapper().convertValue(run, RunInput.class));
        RuntimeSerializationPriming.prime(Map.class, Map.of("action", "prepare", "run", run), Map.class,
                Json.mapper().convertValue(step, Map.class));
    }
}
