package dev.pms.aws.observability;

import dev.pms.core.asset.AssetFilter;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.common.Page;
import dev.pms.core.observability.OperationalMetrics;
import dev.pms.core.pricing.Plan;
import dev.pms.core.usage.UsageAmounts;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The asset library as the provider worker writes it, counting what its finishing writes decide: an applied
 * {@link #complete} is one asset generated (with its provider latency and cost), an applied {@link #close} to
 * {@code failed} one asset failed. Only applied writes count, so a redelivered job is never counted twice.
 */
public final class MeteredAssetRepository implements AssetRepository {
    private final AssetRepository assets;
    private final OperationalMetrics metrics;

    public MeteredAssetRepository(AssetRepository assets, OperationalMetrics metrics) {
        this.assets = assets;
        this.metrics = metrics;
    }

    @Override
    public Outcome complete(String userId, AssetRecord ready, YearMonth month, UsageAmounts spent) {
        Outcome outcome = assets.complete(userId, ready, month, spent);
        if (outcome == Outcome.APPLIED) {
            metrics.assetGenerated(ready.assetType().code(), ready.provider(),
                    ready.generationMs() == null ? 0 : ready.generationMs(), ready.costUsd());
        }
        return outcome;
    }

    @Override
    public Outcome close(String userId, AssetRecord closed, YearMonth month) {
        Outcome outcome = assets.close(userId, closed, month);
        if (outcome == Outcome.APPLIED && closed.status() == AssetStatus.FAILED) {
            metrics.assetFailed(closed.assetType().code(), closed.provider());
        }
        return outcome;
    }

    @Override
    public Optional<AssetRecord> find(String userId, String assetLibraryId) {
        return assets.find(userId, assetLibraryId);
    }

    @Override
    public List<AssetRecord> findAll(String userId, Collection<String> assetLibraryIds) {
        return assets.findAll(userId, assetLibraryIds);
    }

    @Override
    public Page<AssetRecord> list(String userId, AssetFilter filter, int limit, String nextToken) {
        return assets.list(userId, filter, limit, nextToken);
    }

    @Override
    public boolean createReserved(String userId, AssetRecord asset, YearMonth month, Plan plan) {
        return assets.createReserved(userId, asset, month, plan);
    }

    @Override
    public boolean updateOpen(String userId, AssetRecord asset) {
        return assets.updateOpen(userId, asset);
    }

    @Override
    public boolean delete(String userId, String assetLibraryId) {
        return assets.delete(userId, assetLibraryId);
    }
}
