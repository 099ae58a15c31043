package dev.pms.journeys.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.devstack.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devstack started with an external issuer (as `up --jwt-issuer --jwt-audience` does) verifies
 * Clerk-style RS256 tokens against a local OpenID discovery + JWKS stub, the way API Gateway's JWT authorizer does:
 * the JWKS found through discovery, {@code aud} required, and a rotated signing key picked up on its first token.
 */
class ExternalIssuerEndToEndTest {
    private static final String AUDIENCE = "alwrity-spa";
    private static final AtomicReference<JWKSet> PUBLISHED = new AtomicReference<>();
    private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    private static HttpServer issuerStub;
    private static String issuer;
    private static Devstack devstack;
    private static RSAKey firstKey;
    private static RSAKey rotatedKey;

    @BeforeAll
    static void start() throws Exception {
        firstKey = new RSAKeyGenerator(2048).keyID("clerk-key-1").generate();
        rotatedKey = new RSAKeyGenerator(2048).keyID("clerk-key-2").generate();
        PUBLISHED.set(new JWKSet(firstKey.toPublicJWK()));
        issuerStub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + issuerStub.getAddress().getPort() + "/clerk";
        issuerStub.createContext("/clerk/.well-known/openid-configuration", exchange ->
                answer(exchange, "{\"issuer\": \"" + issuer + "\", \"jwks_uri\": \"" + issuer + "/.well-known/jwks.json\"}"));
        issuerStub.createContext("/clerk/.well-known/jwks.json", exchange -> {
            JWKS_FETCHES.incrementAndGet();
            answer(exchange, PUBLISHED.get().toString());
        });
        issuerStub.start();
        devstack = Devstack.start(DevstackOptions.defaults()
                .withExternalJwt(new DevstackOptions.ExternalJwt(issuer, List.of(AUDIENCE), null)));
    }

    @AfterAll
    static void stop() {
        if (devstack != null) {
            devstack.close();
        }
        if (issuerStub != null) {
            issuerStub.stop(0);
        }
    }

    @Test
    void clerkTokensWithAudiencePassAndARotatedKeyIsPickedUp() throws Exception {
        assertThat(status(token(firstKey, AUDIENCE, issuer))).isEqualTo(200);
        assertThat(status(token(firstKey, null, issuer))).as("a Clerk session token has no aud").isEqualTo(401);
        assertThat(status(token(firstKey, "someone-else", issuer))).isEqualTo(401);
        assertThat(status(token(firstKey, AUDIENCE, "https://evil.example"))).isEqualTo(401);
        assertThat(status(token(new RSAKeyGenerator(2048).keyID("clerk-key-1").generate(), AUDIENCE, issuer)))
                .as("right kid, wrong key").isEqualTo(401);
        assertThat(status(devstack.tokenFor("alice"))).as("the local signing key is not the issuer").isEqualTo(401);

        PUBLISHED.set(new JWKSet(List.of(rotatedKey.toPublicJWK(), firstKey.toPublicJWK())));
        String rotated = token(rotatedKey, AUDIENCE, issuer);
        Eventually.await("the rotated key accepted", Duration.ofSeconds(10), () -> status(rotated) == 200 ? true : null);
        List<String> unknownKids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            unknownKids.add(token(new RSAKey.Builder(firstKey).keyID("unknown-" + i).build(), AUDIENCE, issuer));
        }
        int fetches = JWKS_FETCHES.get();
        unknownKids.forEach(token -> assertThat(status(token)).isEqualTo(401));
        assertThat(JWKS_FETCHES.get() - fetches).as("unknown key ids do not hammer the issuer").isLessThanOrEqualTo(2);
    }

    private static int status(String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(devstack.baseUri() + "/api/campaign-creator/campaigns"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String token(RSAKey key, String audience, String tokenIssuer) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(tokenIssuer)
                .subject("user_2abcDEF")
                .claim("azp", "https://app.alwrity.example")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(1))));
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
