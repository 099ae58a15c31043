package dev.pms.journeys.e2e.faults;

import dev.pms.core.media.MediaStore;
import dev.pms.functions.generation.WorkerMediaStoreWrapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Installed in a function's context only when the devstack runs it with {@code chaos.worker.crash.rate}
 * (see {@code GenerationFaultsEndToEndTest}); on the test class path, so no deployment can carry it.
 */
@Singleton
@Requires(property = WorkerCrashInjection.RATE)
public final class WorkerCrashInjection implements WorkerMediaStoreWrapper {
    static final String RATE = "chaos.worker.crash.rate";
    private static final long SEED = 7;

    private final double rate;

    public WorkerCrashInjection(@Value("${" + RATE + "}") double rate) {
        this.rate = rate;
    }

    @Override
    public MediaStore wrap(MediaStore store) {
        return rate > 0 ? new CrashAfterStoringMedia(store, rate, SEED) : store;
    }
}
