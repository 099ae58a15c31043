package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A provider with configured latency and a failure rate in front of it, so that a workflow's concurrency, retries and
 * failure paths can be exercised with the offline engine. Each call waits {@code latency} (as a real provider's
 * request would) and then fails, retryably, with probability {@code failureRate}; the draws come from one seeded
 * sequence, so a run with the same seed and the same call order fails the same calls.
 */
public final class InjectedFaults implements MediaProvider {
    private final MediaProvider delegate;
    private final Duration latency;
    private final double failureRate;
    private final SplittableRandom draws;

    public InjectedFaults(MediaProvider delegate, Duration latency, double failureRate, long seed) {
        if (failureRate < 0 || failureRate > 1) {
            throw new IllegalArgumentException("failure rate must be within 0..1, not " + failureRate);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.delegate = delegate;
        this.latency = latency;
        this.failureRate = failureRate;
        this.draws = new SplittableRandom(seed);
    }

    /** The delegate alone when there is nothing to inject. */
    public static MediaProvider around(MediaProvider delegate, Duration latency, double failureRate, long seed) {
        return latency.isZero() && failureRate == 0 ? delegate : new InjectedFaults(delegate, latency, failureRate, seed);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean supports(AssetType type) {
        return delegate.supports(type);
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        ProviderJob failure = waitAndDraw();
        return failure != null ? failure : delegate.submit(request);
    }

    @Override
    public ProviderJob poll(String handle) {
        ProviderJob failure = waitAndDraw();
        return failure != null ? failure : delegate.poll(handle);
    }

    private ProviderJob waitAndDraw() {
        long deadline = System.nanoTime() + latency.toNanos();
        for (long left = latency.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        double draw;
        synchronized (draws) {
            draw = draws.nextDouble();
        }
        return draw < failureRate
                ? new ProviderJob.Failed("injected failure (offline provider, failure rate " + failureRate + ")", true)
                : null;
    }
}
