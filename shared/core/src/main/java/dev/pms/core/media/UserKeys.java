package dev.pms.core.media;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Storage key parts derived from the caller, so that every user's objects live under their own prefix. */
public final class UserKeys {
    private UserKeys() {
    }

    /** Hex of the first 16 bytes of SHA-256 of the user id: stable, and safe whatever characters the subject has. */
    public static String userHash(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        byte[] digest = Digests.sha256(userId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
