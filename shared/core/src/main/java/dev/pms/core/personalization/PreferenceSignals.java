package dev.pms.core.personalization;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where services report what a user did that reveals a preference. Recording never fails the caller's request: an
 * implementation that cannot store a signal logs it and returns.
 */
public interface PreferenceSignals {
    /** Records nothing (tests, and services that have no signals to give). */
    PreferenceSignals NONE = new PreferenceSignals() {
        @Override
        public void record(String userId, Signal signal) {
        }

        @Override
        public void recordAll(String userId, List<Signal> signals) {
        }
    };

    /**
     * Waits, for a bounded time, for the signals of the request that are still being written; the API functions call
     * it once a response is ready. Never throws.
     */
    default void awaitRecorded() {
    }

    /** Records one signal of the user's; never throws. */
    void record(String userId, Signal signal);

    /** Records several signals of one request at once (one write where the store allows it); never throws. */
    void recordAll(String userId, List<Signal> signals);

    /**
     * The product studio's hook: a studio form of {@code formType} (see {@link FormType}) was submitted with these
     * settings. Only short scalar settings are kept (see {@link Signal#studioSettingsSubmitted}).
     */
    default void studioSettingsSubmitted(String userId, String formType, Map<String, ?> settings,
                                         Instant at) {
        record(userId, Signal.studioSettingsSubmitted(formType, settings, at));
    }
}
