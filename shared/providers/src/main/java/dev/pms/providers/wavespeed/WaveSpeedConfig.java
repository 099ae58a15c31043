package dev.pms.providers.wavespeed;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import static dev.pms.providers.http.ProviderConfigs.requireEndpoint;
import static dev.pms.providers.http.ProviderConfigs.requirePositive;
import static dev.pms.providers.http.ProviderConfigs.requireRetries;
import static dev.pms.providers.http.ProviderConfigs.requireText;
import static dev.pms.providers.http.ProviderConfigs.resolve;

/**
 * Where and how to call the WaveSpeed AI REST API.
 *
 * @param baseUrl        the API root the {@code /api/v3/...} paths hang off, normally {@value #DEFAULT_BASE_URL}
 * @param apiKey         reads the key at each job (SSM in AWS, an environment variable locally); never logged
 * @param requestTimeout the longest wait for a connection and again for a whole API answer
 * @param downloadTimeout the longest wait for an output file to download
 * @param maxAttempts    calls per HTTP request, the first included, before a transient failure is reported
 * @param backoffBase    the wait before the second attempt; doubled for each further one, with jitter
 * @param backoffCap     the longest wait between attempts, also for a {@code Retry-After} the API asks for
 * @param voiceId        the MiniMax voice every voice-over and avatar speaks with (a system voice or a cloned one)
 */
public record WaveSpeedConfig(
        URI baseUrl,
        Supplier<String> apiKey,
        Duration requestTimeout,
        Duration downloadTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        String voiceId) {

    public static final String DEFAULT_BASE_URL = "https://api.wavespeed.ai";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofSeconds(8);
    public static final String DEFAULT_VOICE_ID = "Wise_Woman";

    public WaveSpeedConfig {
        requireEndpoint(baseUrl, apiKey);
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(downloadTimeout, "downloadTimeout");
        requireRetries(maxAttempts, backoffBase, backoffCap);
        requireText(voiceId, "voiceId");
    }

    /** The production API with the defaults: 30 s calls, 120 s downloads, 3 attempts, backoff 0.5 s to 8 s. */
    public static WaveSpeedConfig of(String apiKey) {
        return of(URI.create(DEFAULT_BASE_URL), () -> apiKey);
    }

    /** The defaults against another API root (a stub in tests), the key read at each job. */
    public static WaveSpeedConfig of(URI baseUrl, Supplier<String> apiKey) {
        return new WaveSpeedConfig(baseUrl, apiKey, DEFAULT_REQUEST_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_CAP, DEFAULT_VOICE_ID);
    }

    public WaveSpeedConfig withTimeouts(Duration request, Duration download) {
        return new WaveSpeedConfig(baseUrl, apiKey, request, download, maxAttempts, backoffBase, backoffCap, voiceId);
    }

    public WaveSpeedConfig withRetries(int attempts, Duration base, Duration cap) {
        return new WaveSpeedConfig(baseUrl, apiKey, requestTimeout, downloadTimeout, attempts, base, cap, voiceId);
    }

    public WaveSpeedConfig withVoiceId(String voice) {
        return new WaveSpeedConfig(baseUrl, apiKey, requestTimeout, downloadTimeout, maxAttempts, backoffBase,
                backoffCap, voice);
    }

    URI api(String path) {
        return resolve(baseUrl, "/api/v3/" + path);
    }

    /** Names the key's source only, so that printing the configuration can never print a key. */
    @Override
    public String toString() {
        return "WaveSpeedConfig[baseUrl=" + baseUrl + ", apiKey=(supplied), requestTimeout=" + requestTimeout
                + ", downloadTimeout=" + downloadTimeout + ", maxAttempts=" + maxAttempts + ", backoffBase="
                + backoffBase + ", backoffCap=" + backoffCap + ", voiceId=" + voiceId + "]";
    }
}
