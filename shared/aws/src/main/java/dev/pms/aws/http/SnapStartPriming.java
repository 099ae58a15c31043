package dev.pms.aws.http;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the controller's {@link ApiController#prime()} before Lambda SnapStart takes its snapshot. Held
 * by the handler: the CRaC context only keeps weak references to its resources.
 */
final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final ApiController controller;

    private SnapStartPriming(ApiController controller) {
        this.controller = controller;
    }

    static SnapStartPriming register(ApiController controller) {
        SnapStartPriming priming = new SnapStartPriming(controller);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        controller.prime();
        LOG.info("primed {} in {} ms", controller.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
    }
}
