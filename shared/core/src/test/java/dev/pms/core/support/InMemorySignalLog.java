package dev.pms.core.support;

import dev.pms.core.personalization.Signal;
import dev.pms.core.personalization.SignalLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Signals per user in memory, newest first on read; {@code failing} makes every append throw (a store outage). */
public final class InMemorySignalLog implements SignalLog {
    private final Map<String, List<Signal>> byUser = new HashMap<>();
    private final Map<String, Instant> expiries = new HashMap<>();
    private boolean failing;

    public void failing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public synchronized void append(String userId, List<Signal> signals, Instant expiresAt) {
        if (failing) {
            throw new IllegalStateException("the signal store is down");
        }
        byUser.computeIfAbsent(userId, u -> new ArrayList<>()).addAll(signals);
        expiries.put(userId, expiresAt);
    }

    @Override
    public synchronized List<Signal> recent(String userId, int limit) {
        return byUser.getOrDefault(userId, List.of()).stream()
                .sorted(Comparator.comparing(Signal::at).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized int forget(String userId) {
        List<Signal> gone = byUser.remove(userId);
        return gone == null ? 0 : gone.size();
    }

    public synchronized List<Signal> all(String userId) {
        return List.copyOf(byUser.getOrDefault(userId, List.of()));
    }

    public synchronized Instant lastExpiry(String userId) {
        return expiries.get(userId);
    }
}
