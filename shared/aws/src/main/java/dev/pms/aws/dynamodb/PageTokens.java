package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opaque {@code next_token}s: the sort-side key attributes of the last item returned, followed by an HMAC-SHA256 over
 * them, the caller's partition and the query they continue. A token is accepted only by the same user for the same
 * query; a forged, altered or foreign token is a 400. The partition is always re-derived from the caller.
 */
public final class PageTokens {
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_TOKEN_CHARS = 2_048;

    private final Supplier<byte[]> key;

    /** {@code key} is read on first use (e.g. from SSM) and must be the same for every instance of the API. */
    public PageTokens(Supplier<byte[]> key) {
        this.key = key;
    }

    /** {@code query} names what the token continues (route and filters), so it cannot continue another listing. */
    String encode(Map<String, AttributeValue> lastKey, String partitionValue, String query) {
        Map<String, String> sortSide = new LinkedHashMap<>();
        lastKey.forEach((name, value) -> {
            if (!name.equals(AppTable.PK)) {
                sortSide.put(name, value.s());
            }
        });
        byte[] payload = Json.write(sortSide).getBytes(StandardCharsets.UTF_8);
        return BASE64.encodeToString(payload) + "." + BASE64.encodeToString(mac(payload, partitionValue, query));
    }

    Map<String, AttributeValue> decode(String token, String partitionValue, String query, String expectedSortPrefix) {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        Map<String, String> sortSide;
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload, partitionValue, query))) {
                throw invalid();
            }
            sortSide = Json.mapper().readValue(new String(payload, StandardCharsets.UTF_8), new TypeReference<>() {
            });
        } catch (ValidationException refused) {
            throw refused;
        } catch (Exception malformed) {
            throw invalid();
        }
        if (sortSide == null || sortSide.isEmpty()
                || sortSide.values().stream().anyMatch(v -> v == null || !v.startsWith(expectedSortPrefix))) {
            throw invalid();
        }
        Map<String, AttributeValue> startKey = new HashMap<>();
        startKey.put(AppTable.PK, Attr.s(partitionValue));
        sortSide.forEach((name, value) -> startKey.put(name, Attr.s(value)));
        return startKey;
    }

    private byte[] mac(byte[] payload, String partitionValue, String query) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            mac.update(partitionValue.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(query.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static ValidationException invalid() {
        return ValidationException.of("next_token",
                "is not a token this API issued for this user and this listing; start again without it");
    }
}
