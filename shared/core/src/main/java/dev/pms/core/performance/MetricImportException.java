package dev.pms.core.performance;

import dev.pms.core.error.DomainException;

import java.util.List;
import java.util.Map;

/** A metric import with bad rows: reported by line as a 400 problem; nothing of the batch is stored. */
public final class MetricImportException extends DomainException {
    private final List<RowError> errors;

    public MetricImportException(String message, List<RowError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }

    @Override
    public String kind() {
        return "invalid-metric-rows";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errors", errors);
    }
}
