package dev.pms.core.error;

/** A status change the lifecycle does not allow from the current status (reported as a conflict). */
public final class IllegalTransitionException extends DomainException {
    public IllegalTransitionException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "illegal-transition";
    }
}
