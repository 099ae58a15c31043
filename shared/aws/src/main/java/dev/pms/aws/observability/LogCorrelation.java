package dev.pms.aws.observability;

import dev.pms.core.media.UserKeys;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;

/**
 * Correlation ids on every log line of the current invocation (campaign, run, asset, job, the user as a hash), as keys
 * of the JSON line; {@link #close()} takes them off again, so a worker's next message starts clean.
 */
public final class LogCorrelation implements AutoCloseable {
    public static final String CAMPAIGN_ID = "campaign_id";
    public static final String RUN_ID = "run_id";
    public static final String ASSET_ID = "asset_id";
    public static final String JOB_ID = "job_id";
    public static final String USER_HASH = "user_hash";

    private final List<String> keys = new ArrayList<>();

    private LogCorrelation() {
    }

    public static LogCorrelation start() {
        return new LogCorrelation();
    }

    /** Adds {@code key} when {@code value} is there; blank and null values are left out. */
    public LogCorrelation with(String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
            keys.add(key);
        }
        return this;
    }

    /** The caller, never by name: the same 32-hex hash that names the user's media prefix. */
    public LogCorrelation user(String userId) {
        return userId == null || userId.isBlank() ? this : with(USER_HASH, UserKeys.userHash(userId));
    }

    @Override
    public void close() {
        keys.forEach(MDC::remove);
    }
}
