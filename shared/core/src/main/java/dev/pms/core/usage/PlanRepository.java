package dev.pms.core.usage;

import dev.pms.core.pricing.PlanTier;

import java.util.Optional;

/** Storage port for which plan each user is on (users without a stored plan are on the free plan). */
public interface PlanRepository {

    Optional<PlanTier> find(String userId);

    void save(String userId, PlanTier tier);
}
