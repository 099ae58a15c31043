package dev.pms.core.audit;

import dev.pms.core.error.DomainException;

/** The image is larger than the audit accepts, in bytes or in pixels (reported as 413). */
public final class ImageTooLargeException extends DomainException {
    public ImageTooLargeException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "payload-too-large";
    }
}
