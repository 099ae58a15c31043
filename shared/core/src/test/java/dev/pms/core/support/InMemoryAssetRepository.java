package dev.pms.core.support;

import dev.pms.core.asset.AssetFilter;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.common.Page;
import dev.pms.core.pricing.Plan;
import dev.pms.core.usage.UsageAmounts;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The asset library in a map, with the open-record conditions of the real one; reservations are counted, not priced. */
public final class InMemoryAssetRepository implements AssetRepository {
    private final Map<String, AssetRecord> records = new ConcurrentHashMap<>();
    public final List<String> released = new ArrayList<>();

    @Override
    public Optional<AssetRecord> find(String userId, String assetLibraryId) {
        return Optional.ofNullable(records.get(userId + "|" + assetLibraryId));
    }

    @Override
    public List<AssetRecord> findAll(String userId, Collection<String> assetLibraryIds) {
        return assetLibraryIds.stream().map(id -> records.get(userId + "|" + id)).filter(Objects::nonNull)
                .toList();
    }

    @Override
    public Page<AssetRecord> list(String userId, AssetFilter filter, int limit, String nextToken) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean createReserved(String userId, AssetRecord asset, YearMonth month, Plan plan) {
        return records.putIfAbsent(userId + "|" + asset.assetLibraryId(), asset) == null;
    }

    @Override
    public synchronized boolean updateOpen(String userId, AssetRecord asset) {
        AssetRecord stored = records.get(userId + "|" + asset.assetLibraryId());
        if (stored == null || !stored.isOpen()) {
            return false;
        }
        records.put(userId + "|" + asset.assetLibraryId(), asset);
        return true;
    }

    @Override
    public synchronized Outcome complete(String userId, AssetRecord ready, YearMonth month, UsageAmounts spent) {
        return finish(userId, ready);
    }

    @Override
    public synchronized Outcome close(String userId, AssetRecord closed, YearMonth month) {
        Outcome outcome = finish(userId, closed);
        if (outcome == Outcome.APPLIED) {
            released.add(closed.assetLibraryId());
        }
        return outcome;
    }

    private Outcome finish(String userId, AssetRecord record) {
        AssetRecord stored = records.get(userId + "|" + record.assetLibraryId());
        if (stored == null) {
            return Outcome.MISSING;
        }
        if (stored.status() == AssetStatus.READY) {
            return Outcome.ALREADY_READY;
        }
        if (!stored.isOpen()) {
            return Outcome.ALREADY_CLOSED;
        }
        records.put(userId + "|" + record.assetLibraryId(), record);
        return Outcome.APPLIED;
    }

    @Override
    public boolean delete(String userId, String assetLibraryId) {
        return records.remove(userId + "|" + assetLibraryId) != null;
    }

    /** Puts a record as it is (a test's starting state). */
    public void put(String userId, AssetRecord record) {
        records.put(userId + "|" + record.assetLibraryId(), record);
    }
}
