package dev.pms.emulators;

/** A template that cannot be read, resolved or provisioned locally; the message names the resource/property. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
