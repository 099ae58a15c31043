package dev.pms.devstack.stepfunctions.asl;

/** A states-language error (Error + Cause) raised while running a state; Retry and Catch see it. */
public final class AslError extends RuntimeException {

    public static final String ALL = "States.ALL";
    public static final String RUNTIME = "States.Runtime";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String TOLERATED_FAILURE = "States.ExceedToleratedFailureThreshold";
    public static final String BRANCH_FAILED = "States.BranchFailed";

    private final String error;
    private final String errorCause;

    public AslError(String error, String errorCause) {
        super(error + ": " + errorCause, null, false, false);
        this.error = error;
        this.errorCause = errorCause;
    }

    public static AslError runtime(String cause) {
        return new AslError(RUNTIME, cause);
    }

    public String error() {
        return error;
    }

    public String errorCause() {
        return errorCause;
    }
}
