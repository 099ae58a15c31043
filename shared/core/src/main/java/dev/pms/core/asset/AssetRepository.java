package dev.pms.core.asset;

import dev.pms.core.common.Page;
import dev.pms.core.pricing.Plan;
import dev.pms.core.usage.UsageAmounts;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for the asset library; every call is scoped to one tenant. The writes that finish a job are
 * conditional on the record still being open, and carry the month's usage change in the same atomic step, so a
 * redelivered or duplicated job message can never make a second asset or a second charge.
 */
public interface AssetRepository {

    Optional<AssetRecord> find(String userId, String assetLibraryId);

    /** The records with these ids that exist, in no particular order (one round trip per 100). */
    List<AssetRecord> findAll(String userId, Collection<String> assetLibraryIds);

    /** Newest first; {@code limit} is 1..200. */
    Page<AssetRecord> list(String userId, AssetFilter filter, int limit, String nextToken);

    /**
     * Stores a new queued record and reserves its {@code reserved} amounts against the plan in one atomic step;
     * false (nothing written) when the plan cannot cover it.
     */
    boolean createReserved(String userId, AssetRecord asset, YearMonth month, Plan plan);

    /** Replaces an open record with another open one (e.g. the provider's job handle); false if it was closed. */
    boolean updateOpen(String userId, AssetRecord asset);

    /** What a finishing write found. */
    enum Outcome { APPLIED, ALREADY_READY, ALREADY_CLOSED, MISSING }

    /**
     * Stores the ready record if the stored one is still open, and in the same atomic step turns its reservation
     * into usage: {@code reserved} comes off the month's reservations and {@code spent} is added to usage.
     */
    Outcome complete(String userId, AssetRecord ready, YearMonth month, UsageAmounts spent);

    /** Stores the failed/stopped record if the stored one is still open and gives its reservation back atomically. */
    Outcome close(String userId, AssetRecord closed, YearMonth month);

    /** Removes a final record; false if there was none. */
    boolean delete(String userId, String assetLibraryId);
}
