package dev.pms.core.error;

/** One rejected input field: a JSON-pointer-like path such as {@code channels[2]} and a human message. */
public record FieldError(String field, String message) {
}
