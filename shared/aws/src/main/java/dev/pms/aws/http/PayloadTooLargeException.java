package dev.pms.aws.http;

import dev.pms.core.error.DomainException;

public final class PayloadTooLargeException extends DomainException {
    public PayloadTooLargeException(long limitBytes) {
        super("the request body is larger than " + limitBytes + " bytes");
    }

    @Override
    public String kind() {
        return "payload-too-large";
    }
}
