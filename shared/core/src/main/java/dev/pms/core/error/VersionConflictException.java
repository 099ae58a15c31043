package dev.pms.core.error;

/** An update named a version that is no longer current (optimistic locking). */
public final class VersionConflictException extends DomainException {
    public VersionConflictException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "version-conflict";
    }
}
