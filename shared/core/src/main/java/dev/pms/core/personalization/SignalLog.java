package dev.pms.core.personalization;

import java.time.Instant;
import java.util.List;

/** The per-user store of signals: one small item per signal, each expiring on its own. */
public interface SignalLog {
    /** Stores the signals of one user; each expires at its own time plus the retention. */
    void append(String userId, List<Signal> signals, Instant expiresAt);

    /** The user's most recent signals, newest first, at most {@code limit}. */
    List<Signal> recent(String userId, int limit);

    /** Deletes every signal of the user and returns how many there were. */
    int forget(String userId);
}
