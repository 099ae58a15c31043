package dev.pms.devstack.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The local identity provider: an RSA key pair kept as a JWK file (so {@code devstack token} and a running
 * {@code devstack up} agree), RS256 tokens for issuer {@link #ISSUER} and audience {@link #AUDIENCE}
 * lasting {@link #TOKEN_LIFETIME}, and the public JWKS.
 */
public final class LocalJwtIssuer {

    public static final String ISSUER = "https://devstack.pms.local";
    public static final String AUDIENCE = "pms-devstack";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    public static final String KEY_FILE_NAME = "jwt-signing-key.json";
    public static final String HOME_ENVIRONMENT_VARIABLE = "PMS_DEVSTACK_HOME";

    private final RSAKey signingKey;
    private final Clock clock;

    LocalJwtIssuer(RSAKey signingKey, Clock clock) {
        this.signingKey = signingKey;
        this.clock = clock;
    }

    /** {@code $PMS_DEVSTACK_HOME}, else {@code ~/.pms-devstack}. */
    public static Path defaultHome() {
        String home = System.getenv(HOME_ENVIRONMENT_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".pms-devstack");
    }

    /** Loads the key from {@code directory/jwt-signing-key.json}, creating it on first use. */
    public static LocalJwtIssuer loadOrCreate(Path directory) {
        return new LocalJwtIssuer(loadOrCreateKey(directory.resolve(KEY_FILE_NAME)), Clock.systemUTC());
    }

    /** A throw-away key kept in memory only (tests). */
    public static LocalJwtIssuer inMemory() {
        return new LocalJwtIssuer(generateKey(), Clock.systemUTC());
    }

    private static RSAKey loadOrCreateKey(Path keyFile) {
        try {
            if (Files.isRegularFile(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            }
            Files.createDirectories(keyFile.getParent());
            RSAKey key = generateKey();
            Path temporary = Files.createTempFile(keyFile.getParent(), "jwt-key", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
                // two processes starting at once must end up with one key: the first link wins
                Files.createLink(keyFile, temporary);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first; use theirs
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the devstack signing key " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The devstack signing key " + keyFile + " is not a JWK; delete it to "
                    + "create a new one", e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID("devstack-" + UUID.randomUUID())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    public String tokenFor(String subject) {
        return tokenFor(subject, Map.of());
    }

    /** A token for {@code subject}; {@code extraClaims} are added (and may override the defaults). */
    public String tokenFor(String subject, Map<String, Object> extraClaims) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("token_use", "access")
                .claim("username", subject);
        extraClaims.forEach(claims::claim);
        return sign(claims.build());
    }

    /** Signs arbitrary claims with the local key (tests build expired or foreign tokens with it). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    public JWKSet publicKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    public String publicJwksJson() {
        return publicKeys().toString(true);
    }
}
