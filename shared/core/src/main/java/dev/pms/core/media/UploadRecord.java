package dev.pms.core.media;

import java.time.Instant;

/**
 * An uploaded asset: what was announced when its upload URL was issued, and the campaign node it was
 * uploaded for, when it was (Journey B: audit and reuse existing assets).
 */
public record UploadRecord(String assetId, String filename, String mimeType, long bytes, String campaignId,
                           String nodeId, Instant createdAt) {
}
