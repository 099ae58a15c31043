package dev.pms.devstack.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** A deadline-bounded poll: probes until it answers non-null, checking every 50 ms unless told otherwise. */
public final class Eventually {

    private static final long PROBE_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();

    private Eventually() {
    }

    public static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        return await(what, timeout, Duration.ofNanos(PROBE_INTERVAL_NANOS), probe);
    }

    public static <T> T await(String what, Duration timeout, Duration interval, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " did not happen within " + timeout.toMillis() + " ms");
            }
            LockSupport.parkNanos(interval.toNanos());
        }
    }
}
