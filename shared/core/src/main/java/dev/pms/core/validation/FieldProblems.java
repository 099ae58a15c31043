package dev.pms.core.validation;

import dev.pms.core.error.FieldError;
import dev.pms.core.error.ValidationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of an input as a {@link FieldError}, so that it is checked completely before anything is
 * bound or stored, and reports them all in one {@link ValidationException}.
 */
public class FieldProblems {
    private final List<FieldError> problems = new ArrayList<>();

    public static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    public static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }

    public void add(String path, String message) {
        problems.add(new FieldError(path, message));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<FieldError> problems() {
        return List.copyOf(problems);
    }

    /**
     * Throws a {@link ValidationException} carrying every collected problem, if there is any. Its message is the
     * one sentence a client shows: each problem spelled out, so no client has to read the field errors.
     */
    public void throwIfProblems(String subject) {
        if (!problems.isEmpty()) {
            throw new ValidationException(ValidationException.sentence(subject, problems), problems);
        }
    }
}
