package dev.pms.core.audit;

import java.util.Objects;

/** An image sent for audit (contract #7), base64-encoded, with what to check it against. */
public record AuditImage(String imageBase64, AuditTarget target) {

    public AuditImage {
        if (imageBase64 == null || imageBase64.isBlank()) {
            throw new IllegalArgumentException("an audit has an image");
        }
        Objects.requireNonNull(target, "target");
    }
}
