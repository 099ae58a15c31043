package dev.pms.aws.http;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs priming work (a controller's {@link ApiController#prime()}, a model's load) before Lambda SnapStart takes its
 * snapshot, so no restored instance pays for it. Held by the handler: the CRaC context only keeps weak references to
 * its resources.
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final String what;
    private final Runnable prime;

    private SnapStartPriming(String what, Runnable prime) {
        this.what = what;
        this.prime = prime;
    }

    static SnapStartPriming register(ApiController controller) {
        return register(controller.getClass().getSimpleName(), controller::prime);
    }

    /** Registers {@code prime} (named {@code what} in the log) to run before the snapshot. */
    public static SnapStartPriming register(String what, Runnable prime) {
        SnapStartPriming priming = new SnapStartPriming(what, prime);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        prime.run();
        LOG.info("primed {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
    }
}
