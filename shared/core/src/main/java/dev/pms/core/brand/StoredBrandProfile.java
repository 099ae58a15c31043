package dev.pms.core.brand;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/** A profile as stored: the inputs plus bookkeeping. Serialises as the profile's fields + updated_at + version. */
public record StoredBrandProfile(@JsonUnwrapped BrandProfile profile, Instant updatedAt, long version) {
}
