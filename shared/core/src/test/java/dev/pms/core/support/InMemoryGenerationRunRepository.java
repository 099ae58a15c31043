package dev.pms.core.support;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.generation.GenerationRun;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.generation.RunStatus;
import dev.pms.core.pricing.Plan;
import dev.pms.core.usage.UsageAmounts;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each campaign's latest run in a map, with the real store's conditions: one going run per campaign, versioned
 * updates, and a reservation that stores the run and its queued assets together or not at all. Set
 * {@link #planExceeded} to make the next reservations find the plan used up.
 */
public final class InMemoryGenerationRunRepository implements GenerationRunRepository {
    private final Map<String, GenerationRun> runs = new ConcurrentHashMap<>();
    private final InMemoryAssetRepository assets;
    public final List<UsageAmounts> reserved = new ArrayList<>();
    public boolean planExceeded;

    public InMemoryGenerationRunRepository(InMemoryAssetRepository assets) {
        this.assets = assets;
    }

    @Override
    public Optional<GenerationRun> find(String userId, String campaignId) {
        return Optional.ofNullable(runs.get(key(userId, campaignId)));
    }

    @Override
    public synchronized boolean start(String userId, GenerationRun run) {
        GenerationRun stored = runs.get(key(userId, run.campaignId()));
        if (stored != null && !stored.status().isFinal()) {
            return false;
        }
        runs.put(key(userId, run.campaignId()), run);
        return true;
    }

    @Override
    public synchronized void update(String userId, GenerationRun run) {
        GenerationRun stored = runs.get(key(userId, run.campaignId()));
        if (stored == null || stored.version() != run.version() - 1) {
            throw new VersionConflictException("run " + run.runId() + " changed since it was read");
        }
        runs.put(key(userId, run.campaignId()), run);
    }

    @Override
    public synchronized Reservation reserve(String userId, GenerationRun generating, List<AssetRecord> queued,
                                            YearMonth month, UsageAmounts total, Plan plan) {
        GenerationRun stored = runs.get(key(userId, generating.campaignId()));
        if (stored != null && stored.runId().equals(generating.runId()) && stored.status() == RunStatus.GENERATING) {
            return Reservation.ALREADY_RESERVED;
        }
        if (planExceeded) {
            return Reservation.PLAN_EXCEEDED;
        }
        update(userId, generating);
        queued.forEach(asset -> assets.createReserved(userId, asset, month, plan));
        reserved.add(total);
        return Reservation.RESERVED;
    }

    private static String key(String userId, String campaignId) {
        return userId + "|" + campaignId;
    }
}
