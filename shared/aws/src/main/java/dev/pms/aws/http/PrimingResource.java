package dev.pms.aws.http;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CRaC resource whose {@link #beforeCheckpoint} primes a function before Lambda SnapStart takes its snapshot, as
 * Powertools' priming does: real work against the function's configured endpoints, so restored instances start with
 * their classes loaded, their SDK clients connected and their serialisers warm. Registered with the global CRaC
 * context when made (which keeps only a weak reference: whoever makes it holds it). Priming is tolerant: a failure is
 * logged by its type alone (never its message, which may carry request data) and the snapshot goes ahead.
 */
public abstract class PrimingResource implements Resource {
    /**
     * The property Lambda's {@code AWS_LAMBDA_INITIALIZATION_TYPE} becomes: priming beans require it to be
     * {@value #SNAPSHOT_INITIALIZATION}, so on-demand instances, the devstack and tests never make them.
     */
    public static final String INITIALIZATION_TYPE = "aws.lambda.initialization.type";
    public static final String SNAPSHOT_INITIALIZATION = "snap-start";

    private static final Logger LOG = LoggerFactory.getLogger(PrimingResource.class);

    private final String what;

    protected PrimingResource(String what) {
        this.what = what;
        Core.getGlobalContext().register(this);
    }

    /** The priming work; it must only read, and may throw. */
    protected abstract void prime();

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try {
            prime();
            LOG.info("primed {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("priming {} failed after {} ms ({}); the snapshot is taken without it", what,
                    (System.nanoTime() - started) / 1_000_000, e.getClass().getName());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
    }
}
