package dev.pms.providers.bedrock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recomputes an AWS Signature Version 4 the way AWS does for a JSON service (the path encoded a second time, the
 * payload hashed) with the known credentials, and compares it with the request's {@code Authorization} header.
 * Written from the SigV4 specification, independently of the SDK's signer that made the signature.
 */
public final class SigV4Verifier {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String service;

    public SigV4Verifier(String accessKeyId, String secretAccessKey, String service) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.service = service;
    }

    /** Why the request's signature is not right, or empty when it is. */
    public Optional<String> problem(String method, URI requestUri, Map<String, List<String>> headers, byte[] body) {
        String authorization = first(headers, "Authorization");
        if (authorization == null) {
            return Optional.of("no Authorization header");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return Optional.of("Authorization is not a SigV4 header");
        }
        String keyId = m.group(1);
        String date = m.group(2);
        String region = m.group(3);
        String signedService = m.group(4);
        List<String> signedHeaders = Arrays.asList(m.group(5).split(";"));
        if (!accessKeyId.equals(keyId)) {
            return Optional.of("unknown access key " + keyId);
        }
        if (!service.equals(signedService)) {
            return Optional.of("signed for service " + signedService + ", not " + service);
        }
        String amzDate = first(headers, "X-Amz-Date");
        if (amzDate == null || !amzDate.startsWith(date)) {
            return Optional.of("X-Amz-Date missing or not of the credential's day");
        }
        if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
            return Optional.of("host and x-amz-date must be signed");
        }
        String payloadHash = hex(sha256(body));
        String declaredHash = first(headers, "X-Amz-Content-Sha256");
        if (declaredHash != null && !declaredHash.equals(payloadHash)) {
            return Optional.of("x-amz-content-sha256 does not match the body");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            String value = first(headers, name);
            if (value == null) {
                return Optional.of("signed header " + name + " is missing");
            }
            canonicalHeaders.append(name).append(':').append(value.strip().replaceAll(" +", " ")).append('\n');
        }
        String canonicalRequest = String.join("\n", method, encodePath(requestUri.getRawPath()),
                canonicalQuery(requestUri.getRawQuery()), canonicalHeaders.toString(), String.join(";", signedHeaders),
                payloadHash);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        return expected.equals(m.group(6)) ? Optional.empty() : Optional.of("signature does not match");
    }

    /** Each segment of the path as sent, URI-encoded once more (AWS services other than S3 double-encode). */
    static String encodePath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : rawPath.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            sorted.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
