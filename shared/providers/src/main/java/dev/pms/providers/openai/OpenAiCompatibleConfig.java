package dev.pms.providers.openai;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import static dev.pms.providers.http.ProviderConfigs.requireEndpoint;
import static dev.pms.providers.http.ProviderConfigs.requirePositive;
import static dev.pms.providers.http.ProviderConfigs.requireRetries;
import static dev.pms.providers.http.ProviderConfigs.requireText;
import static dev.pms.providers.http.ProviderConfigs.resolve;

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
    /** OpenAI's own API, for a configuration that names no other base URL. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofSeconds(8);
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 2_000;

    public OpenAiCompatibleConfig {
        requireText(providerName, "providerName");
        requireText(model, "model");
        requireEndpoint(baseUrl, apiKey);
        requirePositive(requestTimeout, "requestTimeout");
        requireRetries(maxAttempts, backoffBase, backoffCap);
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
        return resolve(baseUrl, "/chat/completions");
    }

    /** Names the key's source only, so that printing the configuration can never print a key. */
    @Override
    public String toString() {
        return "OpenAiCompatibleConfig[providerName=" + providerName + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=(supplied), requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts
                + ", backoffBase=" + backoffBase + ", backoffCap=" + backoffCap + ", maxOutputTokens=" + maxOutputTokens + "]";
    }
}
