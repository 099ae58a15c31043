package dev.pms.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;
import dev.pms.core.text.TextProblems;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The caller's id: the authorizer's {@code sub} claim, accepted only when it is a non-empty single-line string of at
 * most {@value #MAX_LENGTH} characters. The HTTP API authorizer hands claims over as text, so a numeric or null
 * {@code sub} would arrive as {@code "123"} or {@code "null"}; the token itself (already verified by the authorizer)
 * tells them apart, and a token whose {@code sub} is not that same JSON string is refused.
 */
final class CallerSubject {
    /** Far above the ids identity providers issue (Cognito 36, Clerk 32) and far below DynamoDB's 2,048-byte key. */
    static final int MAX_LENGTH = 255;

    private CallerSubject() {
    }

    /** The caller's id, or null when the request carries no acceptable subject. */
    static String of(APIGatewayV2HTTPEvent event, Map<String, String> lowerCaseHeaders) {
        String claim = claimOf(event);
        if (claim == null || claim.isBlank() || claim.length() > MAX_LENGTH
                || TextProblems.ofSingleLine(claim).isPresent()) {
            return null;
        }
        JsonNode tokenClaims = tokenClaims(lowerCaseHeaders.get("authorization"));
        if (tokenClaims != null) {
            JsonNode sub = tokenClaims.get("sub");
            if (sub == null || !sub.isTextual() || !sub.textValue().equals(claim)) {
                return null;
            }
        }
        return claim;
    }

    private static String claimOf(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return null;
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        return claims == null ? null : claims.get("sub");
    }

    /** The claims of a bearer JWT as JSON, or null when the header holds none (e.g. an event built by a test). */
    private static JsonNode tokenClaims(String authorization) {
        if (authorization == null) {
            return null;
        }
        String token = authorization.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            return claims != null && claims.isObject() ? claims : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
