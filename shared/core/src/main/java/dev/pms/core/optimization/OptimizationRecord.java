package dev.pms.core.optimization;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one day's optimisation run did for one campaign: the insight cards it saw and the experiment proposals it made,
 * each with its pre-flight quote.
 */
public record OptimizationRecord(String campaignId, LocalDate day, String status, List<String> insights,
                                 List<ProposedExperiment> proposed, Instant startedAt, Instant finishedAt, String error) {
    public OptimizationRecord {
        insights = List.copyOf(insights);
        proposed = List.copyOf(proposed);
    }

    public record ProposedExperiment(String assetId, String insight, String title, BigDecimal quotedUsd,
                                     boolean canProceed, String providerSwitch) {
    }
}
