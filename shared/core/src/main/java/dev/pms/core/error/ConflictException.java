package dev.pms.core.error;

/** The request collides with work in progress (e.g. a second generation start while one runs). */
public final class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "conflict";
    }
}
