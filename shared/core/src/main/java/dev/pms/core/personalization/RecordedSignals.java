package dev.pms.core.personalization;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * {@link PreferenceSignals} on a {@link SignalLog}: each signal is stored with an expiry of the retention period
 * after now. A store failure is logged (kinds only, never attributes) and swallowed: learning is best effort and must
 * never fail the request that produced the signal.
 */
public final class RecordedSignals implements PreferenceSignals {
    private static final System.Logger LOG = System.getLogger(RecordedSignals.class.getName());

    private final SignalLog log;
    private final LearningSettings settings;
    private final Clock clock;

    public RecordedSignals(SignalLog log, LearningSettings settings, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(String userId, Signal signal) {
        recordAll(userId, List.of(signal));
    }

    @Override
    public void recordAll(String userId, List<Signal> signals) {
        if (userId == null || userId.isBlank() || signals == null || signals.isEmpty()) {
            return;
        }
        try {
            log.append(userId, signals, clock.instant().plus(settings.retention()));
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "could not record " + signals.size() + " preference signal(s) "
                    + signals.stream().map(s -> s.kind().code()).distinct().toList() + "; the request goes on: "
                    + failure.getClass().getSimpleName());
        }
    }
}
