package dev.pms.providers.stability;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import static dev.pms.providers.http.ProviderConfigs.requireEndpoint;
import static dev.pms.providers.http.ProviderConfigs.requirePositive;
import static dev.pms.providers.http.ProviderConfigs.requireRetries;
import static dev.pms.providers.http.ProviderConfigs.resolve;

/**
 * Where and how to call Stability AI's REST API.
 *
 * @param baseUrl        the API root the {@code /v2beta/...} paths hang off, {@value #DEFAULT_BASE_URL} in production
 * @param apiKey         reads the key at each call (SSM in AWS, an environment variable locally); never logged
 * @param requestTimeout the longest wait for a connection and again for a whole answer
 * @param maxAttempts    calls per request, the first included, before a transient failure is reported
 * @param backoffBase    the wait before the second attempt; doubled for each further one, with jitter
 * @param backoffCap     the longest wait between attempts, also for a {@code Retry-After} the provider asks for
 * @param pollAfter      how long a pending asynchronous job should wait before it is polled
 */
public record StabilityConfig(
        URI baseUrl,
        Supplier<String> apiKey,
        Duration requestTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        Duration pollAfter) {

    public static final String DEFAULT_BASE_URL = "https://api.stability.ai";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofSeconds(8);
    public static final Duration DEFAULT_POLL_AFTER = Duration.ofSeconds(10);

    public StabilityConfig {
        requireEndpoint(baseUrl, apiKey);
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(pollAfter, "pollAfter");
        requireRetries(maxAttempts, backoffBase, backoffCap);
    }

    /** Production defaults against {@value #DEFAULT_BASE_URL}: 60 s timeout, 3 attempts, backoff 0.5 s to 8 s, polls every 10 s. */
    public static StabilityConfig of(Supplier<String> apiKey) {
        return of(URI.create(DEFAULT_BASE_URL), apiKey);
    }

    /** The defaults against another root, e.g. a local stub. */
    public static StabilityConfig of(URI baseUrl, Supplier<String> apiKey) {
        return new StabilityConfig(baseUrl, apiKey, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE,
                DEFAULT_BACKOFF_CAP, DEFAULT_POLL_AFTER);
    }

    URI uri(String path) {
        return resolve(baseUrl, path);
    }

    /** Names the key's source only, so that printing the configuration can never print a key. */
    @Override
    public String toString() {
        return "StabilityConfig[baseUrl=" + baseUrl + ", apiKey=(supplied), requestTimeout=" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", backoffBase=" + backoffBase + ", backoffCap=" + backoffCap
                + ", pollAfter=" + pollAfter + "]";
    }
}
