package dev.pms.core.brand;

import java.util.Objects;

/**
 * A brand profile to store.
 *
 * @param expectedVersion the stored version the caller expects to replace (0 for a first save); null for last
 *                        writer wins
 */
public record PutBrandProfile(BrandProfile profile, Long expectedVersion) {

    public PutBrandProfile {
        Objects.requireNonNull(profile, "profile");
        if (expectedVersion != null && expectedVersion < 0) {
            throw new IllegalArgumentException("a brand profile version is at least 0");
        }
    }
}
