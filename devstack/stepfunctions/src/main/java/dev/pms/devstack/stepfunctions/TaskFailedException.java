package dev.pms.devstack.stepfunctions;

/** A task's own failure, reported to the state machine as {@code Error} and {@code Cause}. */
public class TaskFailedException extends Exception {

    private final String error;
    private final String errorCause;

    public TaskFailedException(String error, String errorCause) {
        super(error + ": " + errorCause);
        this.error = error;
        this.errorCause = errorCause;
    }

    public String getError() {
        return error;
    }

    public String getErrorCause() {
        return errorCause;
    }
}
