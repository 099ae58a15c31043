package dev.pms.providers.openai;

/** Keeps the API key out of text that leaves the client: failure reasons and log lines. */
final class Redactor {
    static final String MASK = "[redacted]";

    private final String secret;

    Redactor(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }

    /** The text with every occurrence of the key masked. */
    String redact(String text) {
        return text.replace(secret, MASK);
    }
}
