package dev.pms.providers.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** The checks every provider configuration makes of its endpoint, key, timeouts and retries, and how it builds URLs. */
public final class ProviderConfigs {
    private ProviderConfigs() {
    }

    /** An http(s) API root and a key source are both required. */
    public static void requireEndpoint(URI baseUrl, Supplier<String> apiKey) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        requireHttpUrl(baseUrl, "baseUrl");
    }

    /** An http or https URL. */
    public static void requireHttpUrl(URI url, String name) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException(name + " must be an http or https URL, not " + url);
        }
    }

    /** At least one attempt, and waits between them that grow from {@code backoffBase} to no more than {@code backoffCap}. */
    public static void requireRetries(int maxAttempts, Duration backoffBase, Duration backoffCap) {
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffCap, "backoffCap");
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must not be shorter than backoffBase");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    public static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    public static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** {@code path} (starting with a slash) below {@code root}, whether or not the root ends with one. */
    public static URI resolve(URI root, String path) {
        String text = root.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
