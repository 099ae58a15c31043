package dev.pms.devstack.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The signing keys of an external issuer, read from its JWKS URL the way API Gateway's JWT authorizer reads them:
 * fetched on first use (the URL found through the issuer's OpenID discovery document when none is given), kept, and
 * fetched again when a token names a key id the cached set lacks — which is how a rotated key is picked up — at most
 * once per {@code refetchInterval}, so a flood of unknown key ids cannot hammer the issuer.
 */
public final class RemoteJwks implements Function<String, JWK> {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final URI configuredUrl;
    private final Duration refetchInterval;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private JWKSet keys = new JWKSet();
    private URI jwksUrl;
    private Instant lastFetch = Instant.MIN;

    public RemoteJwks(String issuer, URI jwksUrl, Duration refetchInterval, Clock clock) {
        this.issuer = issuer;
        this.configuredUrl = jwksUrl;
        this.refetchInterval = refetchInterval;
        this.clock = clock;
    }

    /** The key with {@code kid}, fetching the set again when it is unknown and the interval allows; null if none. */
    @Override
    public synchronized JWK apply(String kid) {
        JWK known = keys.getKeyByKeyId(kid);
        if (known != null) {
            return known;
        }
        Instant now = clock.instant();
        if (lastFetch != Instant.MIN && now.isBefore(lastFetch.plus(refetchInterval))) {
            return null;
        }
        lastFetch = now;
        try {
            keys = JWKSet.parse(get(jwksUrl()));
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalStateException("cannot read the signing keys of " + issuer + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the signing keys of " + issuer, e);
        }
        return keys.getKeyByKeyId(kid);
    }

    private URI jwksUrl() throws IOException, InterruptedException {
        if (jwksUrl == null) {
            if (configuredUrl != null) {
                jwksUrl = configuredUrl;
            } else {
                String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
                JsonNode discovery = JSON.readTree(get(URI.create(base + "/.well-known/openid-configuration")));
                JsonNode uri = discovery.get("jwks_uri");
                if (uri == null || !uri.isTextual()) {
                    throw new IOException("the discovery document of " + issuer + " has no jwks_uri");
                }
                jwksUrl = URI.create(uri.asText());
            }
        }
        return jwksUrl;
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
