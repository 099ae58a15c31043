package dev.pms.functions.generation;

import dev.pms.core.brand.BrandConsistencyScorer;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the brand-consistency model before Lambda SnapStart takes the provider worker's snapshot, so no restored
 * worker pays for it. Held by the handler: the CRaC context only keeps weak references to its resources.
 */
final class BrandScorerPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(BrandScorerPriming.class);

    private final BrandConsistencyScorer scorer;

    private BrandScorerPriming(BrandConsistencyScorer scorer) {
        this.scorer = scorer;
    }

    static BrandScorerPriming register(BrandConsistencyScorer scorer) {
        BrandScorerPriming priming = new BrandScorerPriming(scorer);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        scorer.prime();
        LOG.info("primed the brand-consistency model in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
    }
}
