package dev.pms.devstack.stepfunctions.asl;

/** An error of the Step Functions API, with its AWS error code (e.g. {@code ExecutionDoesNotExist}). */
public final class ApiError extends RuntimeException {

    private final String code;

    public ApiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
