package dev.pms.providers.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and how to call one OpenAI-compatible chat-completions service.
 *
 * @param providerName    the provider name in proposals and the price table, e.g. {@code openai}
 * @param baseUrl         the API root the paths hang off, e.g. {@code https://api.openai.com/v1}
 * @param model           the model every request asks for, e.g. {@code gpt-4o-mini}
 * @param apiKey          reads the key at each call (SSM in AWS, an environment variable locally); never logged
 * @param requestTimeout  the longest wait for a connection and again for a whole answer
 * @param maxAttempts     calls per job, the first included, before a transient failure is reported
 * @param backoffBase     the wait before the second attempt; doubled for each further one, with jitter
 * @param backoffCap      the longest wait between attempts, also for a {@code Retry-After} the provider asks for
 * @param maxOutputTokens the most tokens one answer may use
 */
public record OpenAiCompatibleConfig(
        String providerName,
        URI baseUrl,
        String model,
        Supplier<String> apiKey,
        Duration requestTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        int maxOutputTokens) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofSeconds(8);
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 2_000;

    public OpenAiCompatibleConfig {
        requireText(providerName, "providerName");
        requireText(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL, not " + baseUrl);
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffCap, "backoffCap");
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must not be shorter than backoffBase");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1, not " + maxOutputTokens);
        }
    }

    /** The defaults: 30 s timeout, 3 attempts, backoff from 0.5 s up to 8 s, answers of up to 2,000 tokens. */
    public static OpenAiCompatibleConfig of(String providerName, URI baseUrl, String model, Supplier<String> apiKey) {
        return new OpenAiCompatibleConfig(providerName, baseUrl, model, apiKey, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_CAP, DEFAULT_MAX_OUTPUT_TOKENS);
    }

    URI chatCompletionsUri() {
        String root = baseUrl.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/chat/completions");
    }

    /** Names the key's source only, so that printing the configuration can never print a key. */
    @Override
    public String toString() {
        return "OpenAiCompatibleConfig[providerName=" + providerName + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=(supplied), requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts
                + ", backoffBase=" + backoffBase + ", backoffCap=" + backoffCap + ", maxOutputTokens=" + maxOutputTokens + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
