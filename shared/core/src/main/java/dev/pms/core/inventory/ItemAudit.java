package dev.pms.core.inventory;

import dev.pms.core.audit.AuditReport;
import dev.pms.core.audit.AuditStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the audit found: for an image its quality, its distance to the brand palette and how it fares on each image
 * placement of the campaign's channels (with the costed fixes); for a text its consistency with the Brand DNA.
 */
public record ItemAudit(Integer qualityScore, Double paletteDistance, List<PlacementFit> placements, TextAudit text,
                        Instant auditedAt) {

    public ItemAudit {
        placements = placements == null ? List.of() : List.copyOf(placements);
    }

    /** One placement: the pixel audit's verdict, the checks that failed and the fixes it plans, with their cost. */
    public record PlacementFit(String placement, AuditStatus verdict, List<String> failedChecks,
                               List<AuditReport.Recommendation> fixes, BigDecimal fixCostUsd) {

        public PlacementFit {
            failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
            fixes = fixes == null ? List.of() : List.copyOf(fixes);
        }
    }

    /**
     * A text against the Brand DNA: the embedding score (0..1, null when no scorer ran), the forbidden phrases and
     * avoided words it uses, the preferred words it uses, tone findings, and the copy placements it fits.
     */
    public record TextAudit(Double brandConsistency, List<String> forbiddenPhrases, List<String> avoidedWords,
                            List<String> preferredWords, List<String> toneFindings, int words, int characters,
                            List<String> fitsPlacements) {

        public TextAudit {
            forbiddenPhrases = List.copyOf(forbiddenPhrases);
            avoidedWords = List.copyOf(avoidedWords);
            preferredWords = List.copyOf(preferredWords);
            toneFindings = List.copyOf(toneFindings);
            fitsPlacements = List.copyOf(fitsPlacements);
        }
    }
}
