package dev.pms.core.brand;

import java.util.Optional;

/** Storage port for the caller's onboarding inputs (one profile per user). */
public interface BrandProfileRepository {

    Optional<StoredBrandProfile> find(String userId);

    /**
     * Saves the profile. {@code expectedVersion} null means "whatever is stored" (last writer wins);
     * otherwise the stored version must equal it (0 = must not exist yet).
     *
     * @throws dev.pms.core.error.VersionConflictException when it does not
     */
    StoredBrandProfile save(String userId, BrandProfile profile, Long expectedVersion);
}
