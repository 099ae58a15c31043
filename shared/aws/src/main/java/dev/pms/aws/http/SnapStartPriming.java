package dev.pms.aws.http;

/**
 * Runs in-memory priming work (a controller's {@link ApiController#prime()}, a model's load) before Lambda SnapStart
 * takes its snapshot, so no restored instance pays for it. Held by the handler: the CRaC context only keeps weak
 * references to its resources.
 */
public final class SnapStartPriming extends PrimingResource {
    private final Runnable prime;

    private SnapStartPriming(String what, Runnable prime) {
        super(what);
        this.prime = prime;
    }

    static SnapStartPriming register(ApiController controller) {
        return register(controller.getClass().getSimpleName(), controller::prime);
    }

    /** Registers {@code prime} (named {@code what} in the log) to run before the snapshot. */
    public static SnapStartPriming register(String what, Runnable prime) {
        return new SnapStartPriming(what, prime);
    }

    @Override
    protected void prime() {
        prime.run();
    }
}
