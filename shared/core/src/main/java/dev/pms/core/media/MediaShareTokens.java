package dev.pms.core.media;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Share tokens for stored files: {@code base64url(storage key) "." base64url(HMAC-SHA256(secret, storage key))}.
 * Without the secret a token can be neither forged nor altered; a token names one file and never expires (it works
 * as long as the file exists). The secret is asked for on first use only.
 */
public final class MediaShareTokens {
    static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> secret;
    private volatile SecretKeySpec key;

    public MediaShareTokens(Supplier<byte[]> secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    public String tokenFor(String storageKey) {
        byte[] keyBytes = storageKey.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(keyBytes) + "." + ENCODER.encodeToString(mac(keyBytes));
    }

    /** The storage key a token was made for; empty for anything this secret did not sign. */
    public Optional<String> storageKeyOf(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] keyBytes = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(signature, mac(keyBytes))
                    ? Optional.of(new String(keyBytes, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] bytes = secret.get();
            if (bytes == null || bytes.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("the media share secret must have at least " + MIN_SECRET_BYTES
                        + " bytes");
            }
            current = new SecretKeySpec(bytes, ALGORITHM);
            key = current;
        }
        return current;
    }
}
