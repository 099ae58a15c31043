package dev.pms.core.performance;

import java.util.List;

/**
 * What an import did: rows stored new or changed, rows identical to what was stored already. {@code rejected} is
 * always empty here: a batch with a bad row is refused whole ({@link MetricImportException}).
 */
public record MetricImportResult(int imported, int duplicates, List<RowError> rejected, int days) {
    public MetricImportResult {
        rejected = List.copyOf(rejected);
    }
}
