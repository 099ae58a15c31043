package dev.pms.core.media;

import java.time.Instant;
import java.util.Map;

/** A presigned PUT: the client must send {@code requiredHeaders} with it (they are part of the signature). */
public record PresignedUpload(String url, Instant expiresAt, Map<String, String> requiredHeaders) {
    public PresignedUpload {
        requiredHeaders = Map.copyOf(requiredHeaders);
    }
}
