package dev.pms.core.error;

import java.util.List;

public final class ValidationException extends DomainException {
    private final List<FieldError> fieldErrors;

    public ValidationException(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public String kind() {
        return "validation-failed";
    }
}
