package dev.pms.core.performance;

/** A rejected metric row: its line (CSV line, header = 1; JSON: position in {@code rows}, from 1), field and why. */
public record RowError(int line, String field, String reason) {
}
