package dev.pms.core.media;

import java.time.Instant;

/** A presigned GET of a stored object. */
public record PresignedDownload(String url, Instant expiresAt) {
}
