package dev.pms.devstack.stepfunctions.asl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * AWS's payload and duration quotas: 256 KiB (UTF-8) for an execution's input, a state's input after
 * Parameters, a task's result and a state's output; one year for a Standard execution.
 */
public final class PayloadLimits {

    /** "Maximum input or output size for a task, state, or execution: 256 KiB of data as a UTF-8 encoded string." */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    /** "Maximum execution time: 1 year" (Standard workflows). */
    public static final Duration MAX_EXECUTION_TIME = Duration.ofDays(365);

    private PayloadLimits() {
    }

    /** True when {@code json} is over 256 KiB as UTF-8; measured only when its length alone cannot decide. */
    public static boolean exceeds(String json) {
        if (json.length() <= MAX_PAYLOAD_BYTES / 3) {
            return false;
        }
        if (json.length() > MAX_PAYLOAD_BYTES) {
            return true;
        }
        return json.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES;
    }

    /** States.DataLimitExceeded as AWS words it for a state or task whose result is too large. */
    static AslError resultTooLarge(String stateOrTask) {
        return new AslError(AslError.DATA_LIMIT_EXCEEDED, "The state/task '" + stateOrTask
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    static AslError inputTooLarge(String state) {
        return new AslError(AslError.DATA_LIMIT_EXCEEDED, "The state/task '" + state
                + "' has an input with a size exceeding the maximum number of bytes service limit.");
    }
}
