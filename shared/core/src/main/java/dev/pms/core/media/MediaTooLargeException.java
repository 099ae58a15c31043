package dev.pms.core.media;

import dev.pms.core.error.DomainException;

public final class MediaTooLargeException extends DomainException {
    public MediaTooLargeException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "payload-too-large";
    }
}
