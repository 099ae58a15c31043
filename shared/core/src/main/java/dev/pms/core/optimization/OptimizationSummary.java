package dev.pms.core.optimization;

import java.time.LocalDate;

/** One scheduled run over every active campaign. */
public record OptimizationSummary(LocalDate day, int campaigns, int optimized, int alreadyDone, int failed,
                                  int proposals, int pages) {
}
