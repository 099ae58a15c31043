package dev.pms.devstack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.nimbusds.jwt.SignedJWT;
import java.time.ZoneOffset;

class JwtAuthorizerTest {

    private static final LocalJwtIssuer ISSUER = LocalJwtIssuer.inMemory();
    private final JwtAuthorizer authorizer = JwtAuthorizer.forLocalIssuer(ISSUER);

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(LocalJwtIssuer.ISSUER)
                .audience(LocalJwtIssuer.AUDIENCE)
                .subject("alice")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    @Test
    void acceptsTheLocalIssuersTokensAndPassesClaimsAsStrings() {
        JwtAuthorizer.Decision decision = authorizer.authorize("Bearer " + ISSUER.tokenFor("alice",
                Map.of("scope", "read write", "groups", List.of("a", "b"))));
        assertThat(decision.authorized()).isTrue();
        assertThat(decision.claims()).containsEntry("sub", "alice")
                .containsEntry("iss", LocalJwtIssuer.ISSUER)
                .containsEntry("aud", "[" + LocalJwtIssuer.AUDIENCE + "]")
                .containsEntry("groups", "[a b]");
        assertThat(decision.claims().get("exp")).matches("\\d{10}");
        assertThat(decision.scopes()).containsExactly("read", "write");
        assertThat(authorizer.authorize("Bearer " + ISSUER.tokenFor("bob")).scopes()).isNull();
    }

    @Test
    void aNullClaimIsLeftOutAndANumericClaimPassesAsItsDigits() throws Exception {
        JWTClaimsSet claims = JWTClaimsSet.parse("{\"sub\":null,\"tenant\":123,\"iss\":\"x\"}");

        Map<String, String> strings = JwtAuthorizer.claimsAsStrings(claims);

        assertThat(strings).doesNotContainKey("sub").containsEntry("tenant", "123").containsEntry("iss", "x");
    }

    @Test
    void tokensLastTwelveHours() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(ISSUER.tokenFor("alice")).getJWTClaimsSet();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(12));
    }

    @Test
    void missingOrMalformedHeaderIsRefused() {
        assertThat(authorizer.authorize(null).authorized()).isFalse();
        assertThat(authorizer.authorize("").authorized()).isFalse();
        assertThat(authorizer.authorize("Bearer ").authorized()).isFalse();
        assertThat(authorizer.authorize("Basic dXNlcjpwYXNz").authorized()).isFalse();
    }

    @Test
    void expiredTokensAreRefused() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = ISSUER.sign(validClaims().issueTime(Date.from(past.minusSeconds(60)))
                .expirationTime(Date.from(past)).build());
        JwtAuthorizer.Decision decision = authorizer.authorize("Bearer " + expired);
        assertThat(decision.authorized()).isFalse();
        assertThat(decision.reason()).contains("expired");
    }

    @Test
    void notYetValidTokensAreRefused() {
        String future = ISSUER.sign(validClaims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build());
        assertThat(authorizer.authorize("Bearer " + future).authorized()).isFalse();
    }

    @Test
    void wrongAudienceIsRefused() {
        JwtAuthorizer.Decision decision = authorizer.authorize("Bearer " + ISSUER.sign(validClaims().audience("someone-else").build()));
        assertThat(decision.authorized()).isFalse();
        assertThat(decision.reason()).contains("audience");
    }

    @Test
    void wrongIssuerIsRefused() {
        JwtAuthorizer.Decision decision = authorizer.authorize("Bearer " + ISSUER.sign(validClaims().issuer("https://evil.example").build()));
        assertThat(decision.authorized()).isFalse();
        assertThat(decision.reason()).contains("issuer");
    }

    @Test
    void badSignatureIsRefused() {
        String token = ISSUER.tokenFor("alice");
        String[] parts = token.split("\\.");
        // a token signed by another key, under the same kid
        String forged = LocalJwtIssuer.inMemory().tokenFor("alice").split("\\.")[2];
        assertThat(authorizer.authorize("Bearer " + parts[0] + "." + parts[1] + "." + forged).authorized()).isFalse();
        // claims changed after signing
        String otherClaims = ISSUER.tokenFor("mallory").split("\\.")[1];
        JwtAuthorizer.Decision tampered = authorizer.authorize("Bearer " + parts[0] + "." + otherClaims + "." + parts[2]);
        assertThat(tampered.authorized()).isFalse();
        assertThat(tampered.reason()).contains("signature");
        // a token from another issuer instance (unknown kid)
        assertThat(authorizer.authorize("Bearer " + LocalJwtIssuer.inMemory().tokenFor("alice")).authorized()).isFalse();
    }

    @Test
    void aClockPastExpiryRefusesAnOtherwiseValidToken() {
        String token = ISSUER.tokenFor("alice");
        JwtAuthorizer later = new JwtAuthorizer(LocalJwtIssuer.ISSUER, List.of(LocalJwtIssuer.AUDIENCE),
                ISSUER.publicKeys(), Clock.fixed(Instant.now().plus(Duration.ofHours(13)), ZoneOffset.UTC));
        assertThat(later.authorize("Bearer " + token).authorized()).isFalse();
    }

    @Test
    void theKeyFileIsSharedByTokenAndUp(@TempDir Path home) throws Exception {
        LocalJwtIssuer first = LocalJwtIssuer.loadOrCreate(home);
        LocalJwtIssuer second = LocalJwtIssuer.loadOrCreate(home);
        assertThat(Files.readString(home.resolve(LocalJwtIssuer.KEY_FILE_NAME))).contains("\"d\"");
        assertThat(JwtAuthorizer.forLocalIssuer(second).authorize("Bearer " + first.tokenFor("alice")).authorized())
                .isTrue();
        assertThat(first.publicJwksJson()).doesNotContain("\"d\"");
    }
}
