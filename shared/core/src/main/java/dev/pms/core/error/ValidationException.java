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
        return new ValidationException(sentence("request", errors), errors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public String kind() {
        return "validation-failed";
    }

    /**
     * The one sentence a client shows for these problems: each spelled out as field and message, so no client has
     * to read the field errors.
     */
    public static String sentence(String subject, List<FieldError> problems) {
        StringBuilder text = new StringBuilder();
        if (problems.size() > 1) {
            text.append("The ").append(subject).append(" has ").append(problems.size()).append(" problems: ");
        }
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) {
                text.append("; ");
            }
            text.append(problems.get(i).field()).append(' ').append(problems.get(i).message());
        }
        char last = text.charAt(text.length() - 1);
        if (last != '.' && last != '?' && last != '!') {
            text.append('.');
        }
        return text.toString();
    }
}
