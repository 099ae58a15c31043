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
    public static final String QUERY_EVALUATION = "States.QueryEvaluationError";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

    private final String error;
    private final String errorCause;
    /** The field of a failed JSONata expression (AWS's {@code location}), else null. */
    private final String location;
    /** The state where the error arose and the id of its StateEntered event; set once, where it arose. */
    private volatile String originState;
    private volatile long originEventId;
    private volatile boolean evaluationEventRecorded;

    public AslError(String error, String errorCause) {
        this(error, errorCause, null);
    }

    private AslError(String error, String errorCause, String location) {
        super(error + ": " + errorCause, null, false, false);
        this.error = error;
        this.errorCause = errorCause;
        this.location = location;
    }

    public static AslError runtime(String cause) {
        return new AslError(RUNTIME, cause);
    }

    public static AslError queryEvaluation(String cause, String location) {
        return new AslError(QUERY_EVALUATION, cause, location);
    }

    /** Records the state the error arose in, unless an inner state already did. */
    AslError arising(String stateName, long enteredEventId) {
        if (originState == null) {
            originEventId = enteredEventId;
            originState = stateName;
        }
        return this;
    }

    /**
     * The cause as the execution's failure reports it: AWS opens a States.Runtime or
     * States.QueryEvaluationError cause with the state and its StateEntered event.
     */
    public String executionCause() {
        if (originState != null && (RUNTIME.equals(error) || QUERY_EVALUATION.equals(error))) {
            return "An error occurred while executing the state '" + originState + "' (entered at the event id #"
                    + originEventId + "). " + errorCause;
        }
        return errorCause;
    }

    String location() {
        return location;
    }

    String originState() {
        return originState;
    }

    /** True the first time only: the EvaluationFailed event of a JSONata failure is recorded once. */
    boolean claimEvaluationEvent() {
        if (location == null || evaluationEventRecorded) {
            return false;
        }
        evaluationEventRecorded = true;
        return true;
    }

    public String error() {
        return error;
    }

    public String errorCause() {
        return errorCause;
    }
}
