package dev.pms.providers.http;

import java.time.Duration;

/** Waits between attempts; tests record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Blocks the calling thread for the duration. */
    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
