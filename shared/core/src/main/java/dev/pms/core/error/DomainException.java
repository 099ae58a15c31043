package dev.pms.core.error;

import java.util.Map;

/** Base of the failures the application reports to callers; adapters map each subtype to a status. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** Stable machine-readable kind, used as the problem `type` suffix. */
    public abstract String kind();

    /** Extra members for the problem body (e.g. the quote a plan limit refused). */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
