package dev.pms.core.generation;

import java.time.Duration;

/**
 * The state of a provider job. Quick providers finish inside {@link MediaProvider#submit}; long ones
 * answer {@link Pending} with a handle the worker stores and polls later through a delayed message,
 * never by sleeping.
 */
public sealed interface ProviderJob {

    record Completed(GeneratedMedia media) implements ProviderJob {
    }

    record Pending(String handle, Duration pollAfter) implements ProviderJob {
    }

    /** {@code retryable}: a transient failure (429, 5xx, timeout) worth another attempt. */
    record Failed(String reason, boolean retryable) implements ProviderJob {
    }
}
