package dev.pms.core.generation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.pms.core.pricing.QualityTier;

/**
 * The workflow's state as each task gets it: the execution input plus, in {@code step}, what the previous task
 * decided (and why), or in {@code failure} the error a Catch caught — the finalize task reads why the run ends there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunInput(String userId, String campaignId, String runId, boolean autopilot, QualityTier tier,
                       StepResult step, ItemFailure.Failure failure) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepResult(String next, String outcome, String reason) {
    }
}
