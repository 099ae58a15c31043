package dev.pms.providers.wavespeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.providers.http.Backoff;
import dev.pms.providers.http.Redactor;
import dev.pms.providers.http.Sleeper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP calls of one job step, each retried with backoff on 429 (as long as {@code Retry-After} asks), 5xx,
 * timeouts and broken connections, and counted. Only calls to the API carry the key, and they follow no redirect:
 * output downloads and uploads go to other hosts (a CDN, a signed storage URL) and are sent without it.
 */
final class WaveSpeedHttp {
    private static final System.Logger LOG = System.getLogger(WaveSpeedHttp.class.getName());
    private static final Set<String> RESTRICTED_HEADERS = Set.of("content-length", "host", "connection", "expect",
            "upgrade", "authorization");

    /** A successful download: the bytes and the {@code Content-Type} the server named, if any. */
    record Download(byte[] bytes, Optional<String> contentType) {
    }

    private final WaveSpeedConfig config;
    private final HttpClient api;
    private final HttpClient files;
    private final ObjectMapper mapper;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final AtomicLong totalCalls;
    private final Redactor redactor;
    private final String jobLabel;
    private int calls;

    WaveSpeedHttp(WaveSpeedConfig config, HttpClient api, HttpClient files, ObjectMapper mapper, Sleeper sleeper,
                  Backoff backoff, AtomicLong totalCalls, Redactor redactor, String jobLabel, int callsSoFar) {
        this.config = config;
        this.api = api;
        this.files = files;
        this.mapper = mapper;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.totalCalls = totalCalls;
        this.redactor = redactor;
        this.jobLabel = jobLabel;
        this.calls = callsSoFar;
    }

    /** The HTTP calls the asset has used, those of earlier steps included. */
    int calls() {
        return calls;
    }

    JsonNode postJson(URI uri, String json) throws WaveSpeedException {
        HttpRequest request = api(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return json(send(request, "POST " + uri.getPath(), true));
    }

    JsonNode getJson(URI uri) throws WaveSpeedException {
        return json(send(api(uri).GET().build(), "GET " + uri.getPath(), true));
    }

    Download download(URI uri) throws WaveSpeedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.downloadTimeout()).GET().build();
        HttpResponse<byte[]> response = send(request, "the output download", false);
        return new Download(response.body(), response.headers().firstValue("Content-Type"));
    }

    void upload(String method, URI uri, byte[] body, Map<String, String> headers) throws WaveSpeedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.downloadTimeout())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        send(request.build(), "the upload", false);
    }

    private HttpRequest.Builder api(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + redactor.secret())
                .header("Accept", "application/json");
    }

    private JsonNode json(HttpResponse<byte[]> response) throws WaveSpeedException {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new WaveSpeedException(WaveSpeedProvider.MALFORMED + ": the body is not JSON", false);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what, boolean api) throws WaveSpeedException {
        for (int attempt = 1; ; attempt++) {
            Transient failure = attempt(request, what, api);
            if (failure.response() != null) {
                return failure.response();
            }
            if (attempt >= config.maxAttempts()) {
                throw new WaveSpeedException(failure.reason() + " (gave up after " + attempt + " attempts)", true);
            }
            Optional<Duration> asked = failure.retryAfter();
            if (asked.isPresent() && asked.get().compareTo(backoff.cap()) > 0) {
                throw new WaveSpeedException(failure.reason() + "; WaveSpeed asked to wait " + asked.get().toSeconds()
                        + " s, longer than the " + backoff.cap().toSeconds() + " s this client waits", true);
            }
            int failed = attempt;
            Duration wait = asked.orElseGet(() -> backoff.after(failed));
            LOG.log(System.Logger.Level.INFO, "wavespeed {0}: attempt {1} of {2} failed ({3}); retrying in {4} ms",
                    jobLabel, attempt, config.maxAttempts(), redactor.redact(failure.reason()), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaveSpeedException("interrupted while waiting to retry after: " + failure.reason(), true);
            }
        }
    }

    /** One attempt: the response when it is usable, else why it failed in a way worth another attempt. */
    private Transient attempt(HttpRequest request, String what, boolean api) throws WaveSpeedException {
        HttpResponse<byte[]> response;
        calls++;
        totalCalls.incrementAndGet();
        try {
            response = (api ? this.api : files).send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return Transient.of(what + " got no answer within " + request.timeout().map(Duration::toMillis).orElse(0L)
                    + " ms", Optional.empty());
        } catch (IOException e) {
            return Transient.of(what + " failed to connect (" + e.getClass().getSimpleName() + ")", Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaveSpeedException("interrupted while waiting for " + what, true);
        }
        int status = response.statusCode();
        ApiError error = null;
        if (status / 100 == 2 && api) {
            JsonNode envelope = envelopeOf(response.body());
            JsonNode code = envelope == null ? null : envelope.get("code");
            if (code == null || !code.canConvertToInt() || code.asInt() / 100 == 2) {
                return Transient.done(response);
            }
            status = code.asInt();
            error = ApiError.fromJson(envelope);
        } else if (status / 100 == 2) {
            return Transient.done(response);
        }
        if (error == null) {
            error = ApiError.fromBody(mapper, response.body());
        }
        Optional<Duration> retryAfter = backoff.retryAfter(response.headers().firstValue("Retry-After"));
        if (error.contentPolicy()) {
            throw new WaveSpeedException(WaveSpeedProvider.REFUSED + " (HTTP " + status + ")" + error.describe(),
                    false);
        }
        if (status == 429) {
            return Transient.of("rate limited by WaveSpeed (HTTP 429)" + error.describe(), retryAfter);
        }
        if (status >= 500) {
            return Transient.of(what + " failed at WaveSpeed (HTTP " + status + ")" + error.describe(), retryAfter);
        }
        if (!api) {
            throw new WaveSpeedException(what + " was refused (HTTP " + status + ")" + error.describe(), false);
        }
        throw new WaveSpeedException(switch (status) {
            case 401 -> "the API key was rejected (HTTP 401)";
            case 402 -> "the WaveSpeed account has no credit left (HTTP 402)" + error.describe();
            case 403 -> "the API key may not use " + request.uri().getPath() + " (HTTP 403)" + error.describe();
            case 404 -> "WaveSpeed does not know " + request.uri().getPath() + " (HTTP 404)" + error.describe();
            case 400, 422 -> "WaveSpeed rejected the request as invalid (HTTP " + status + ")" + error.describe();
            default -> "WaveSpeed refused the request (HTTP " + status + ")" + error.describe();
        }, false);
    }

    private JsonNode envelopeOf(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    private record Transient(HttpResponse<byte[]> response, String reason, Optional<Duration> retryAfter) {
        static Transient done(HttpResponse<byte[]> response) {
            return new Transient(response, null, Optional.empty());
        }

        static Transient of(String reason, Optional<Duration> retryAfter) {
            return new Transient(null, reason, retryAfter);
        }
    }
}
