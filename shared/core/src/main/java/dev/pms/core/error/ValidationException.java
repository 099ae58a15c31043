package dev.pms.core.error;

import java.util.List;

public final class ValidationException extends DomainException {
    private final List<FieldError> fieldErrors;

    public ValidationException(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ValidationException of(String field, String message) {
        List<FieldError> errors = List.of(new FieldError(field, message));
        return new ValidationException(dev.pms.core.validation.InputChecker.sentence("request", errors), errors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public String kind() {
        return "validation-failed";
    }
}
