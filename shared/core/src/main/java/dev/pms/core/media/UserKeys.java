package dev.pms.core.media;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
