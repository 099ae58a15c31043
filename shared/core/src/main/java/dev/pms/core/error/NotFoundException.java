package dev.pms.core.error;

/** The resource does not exist for this caller (another tenant's resource is reported the same way). */
public final class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "not-found";
    }
}
