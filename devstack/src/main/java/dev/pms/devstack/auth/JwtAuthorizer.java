package dev.pms.devstack.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a request's bearer token the way an API Gateway HTTP API JWT authorizer does: RS256 signature by
 * a key of the JWKS (matched by {@code kid}), {@code exp} and {@code nbf}, {@code iss}, and {@code aud}
 * (or {@code client_id} when there is no {@code aud}) against the configured audiences.
 */
public final class JwtAuthorizer {

    /** The verdict; {@code reason} is for the devstack log only, never for the client. */
    public record Decision(boolean authorized, Map<String, String> claims, List<String> scopes, String reason) {

        static Decision deny(String reason) {
            return new Decision(false, Map.of(), List.of(), reason);
        }
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(0);

    private final String issuer;
    private final Set<String> audiences;
    private final Function<String, JWK> keys;
    private final Clock clock;

    public JwtAuthorizer(String issuer, Collection<String> audiences, JWKSet keys, Clock clock) {
        this(issuer, audiences, keys::getKeyByKeyId, clock);
    }

    /** {@code keys} finds the verification key by {@code kid} (null when there is none), e.g. {@link RemoteJwks}. */
    public JwtAuthorizer(String issuer, Collection<String> audiences, Function<String, JWK> keys, Clock clock) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.keys = keys;
        this.clock = clock;
    }

    public static JwtAuthorizer forLocalIssuer(LocalJwtIssuer issuer) {
        return new JwtAuthorizer(LocalJwtIssuer.ISSUER, List.of(LocalJwtIssuer.AUDIENCE), issuer.publicKeys(),
                Clock.systemUTC());
    }

    /** {@code authorizationHeader} is the raw {@code Authorization} header value, or null. */
    public Decision authorize(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Decision.deny("no Authorization header");
        }
        String value = authorizationHeader.trim();
        // API Gateway accepts the token with or without the "Bearer " prefix
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).trim();
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(value);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Decision.deny("not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return Decision.deny("algorithm " + jwt.getHeader().getAlgorithm() + " is not RS256");
        }
        JWK key;
        try {
            key = jwt.getHeader().getKeyID() == null ? null : keys.apply(jwt.getHeader().getKeyID());
        } catch (IllegalStateException unreachable) {
            return Decision.deny(unreachable.getMessage());
        }
        if (!(key instanceof RSAKey rsaKey)) {
            return Decision.deny("no key with kid " + jwt.getHeader().getKeyID());
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsaKey))) {
                return Decision.deny("bad signature");
            }
        } catch (JOSEException e) {
            return Decision.deny("signature not verifiable: " + e.getMessage());
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.isBefore(expires.toInstant().plus(CLOCK_SKEW))) {
            return Decision.deny(expires == null ? "no exp" : "expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            return Decision.deny("not valid before " + notBefore.toInstant());
        }
        if (!issuer.equals(claims.getIssuer())) {
            return Decision.deny("issuer " + claims.getIssuer() + " is not " + issuer);
        }
        List<String> tokenAudiences = claims.getAudience();
        boolean audienceMatches = tokenAudiences != null && !tokenAudiences.isEmpty()
                ? tokenAudiences.stream().anyMatch(audiences::contains)
                : audiences.contains(String.valueOf(claims.getClaim("client_id")));
        if (!audienceMatches) {
            return Decision.deny("audience " + tokenAudiences + " is not one of " + audiences);
        }
        return new Decision(true, claimsAsStrings(claims), scopes(claims), null);
    }

    /**
     * API Gateway hands every claim to the function as a string (numbers as their digits, lists as {@code [a b]});
     * a claim whose value is JSON null has no text and is left out rather than becoming the word "null".
     */
    static Map<String, String> claimsAsStrings(JWTClaimsSet claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (value != null) {
                strings.put(name, claimString(value));
            }
        });
        return strings;
    }

    private static String claimString(Object value) {
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(JwtAuthorizer::claimString).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("\\s+"));
        }
        if (scope instanceof Collection<?> list) {
            List<String> scopes = new ArrayList<>();
            list.forEach(item -> scopes.add(String.valueOf(item)));
            return scopes;
        }
        return null;
    }

    @Override
    public String toString() {
        return "JwtAuthorizer[iss=" + issuer + ", aud=" + audiences.stream().sorted().toList() + "]";
    }
}
