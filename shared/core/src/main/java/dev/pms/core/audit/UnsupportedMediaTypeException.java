package dev.pms.core.audit;

import dev.pms.core.error.DomainException;

/** The bytes are not in an image format the audit can decode (reported as 415). */
public final class UnsupportedMediaTypeException extends DomainException {
    public UnsupportedMediaTypeException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "unsupported-media-type";
    }
}
