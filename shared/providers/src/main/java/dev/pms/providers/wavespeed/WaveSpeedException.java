package dev.pms.providers.wavespeed;

/** A call that ended the job's step: the reason to report and whether another attempt later could succeed. */
final class WaveSpeedException extends Exception {
    private final boolean retryable;

    WaveSpeedException(String reason, boolean retryable) {
        super(reason, null, false, false);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
