package dev.pms.core.support;

import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.error.VersionConflictException;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One profile per user in memory, with the port's optimistic-locking rule. */
public final class InMemoryBrandProfileRepository implements BrandProfileRepository {
    private final Map<String, StoredBrandProfile> byUser = new HashMap<>();
    private final Clock clock;

    public InMemoryBrandProfileRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<StoredBrandProfile> find(String userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    @Override
    public StoredBrandProfile save(String userId, BrandProfile profile, Long expectedVersion) {
        long storedVersion = find(userId).map(StoredBrandProfile::version).orElse(0L);
        if (expectedVersion != null && expectedVersion != storedVersion) {
            throw new VersionConflictException("stored version " + storedVersion);
        }
        StoredBrandProfile stored = new StoredBrandProfile(profile, clock.instant(), storedVersion + 1);
        byUser.put(userId, stored);
        return stored;
    }
}
