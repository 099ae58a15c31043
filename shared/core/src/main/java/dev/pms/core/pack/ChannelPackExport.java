package dev.pms.core.pack;

import java.time.Instant;

/** Body of {@code POST /campaigns/{id}/channel-packs}: the presigned ZIP and its manifest. */
public record ChannelPackExport(String packId, String url, Instant expiresAt, PackManifest manifest, boolean valid) {
}
