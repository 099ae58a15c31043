package dev.pms.providers.openai;

/** Keeps the API key out of text that leaves the client: failure reasons and log lines. */
public final class Redactor {
    public static final String MASK = "[redacted]";

    private final String secret;

    public Redactor(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }

    /** The text with every occurrence of the key masked. */
    public String redact(String text) {
        return text.replace(secret, MASK);
    }
}
