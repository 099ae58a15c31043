package dev.pms.aws.http.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Request bodies for the mapper tests: JSON written with single quotes, a fixed clock, field messages. */
final class RequestBodies {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);

    private RequestBodies() {
    }

    static JsonNode json(String singleQuoted) {
        try {
            return Json.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request of {@code alice} with this raw body (null for none) and these path parameters. */
    static ApiRequest request(String body, Map<String, String> pathParameters) {
        return new ApiRequest("POST /test", "/test", pathParameters, Map.of(), Map.of(), body, "alice", "request-1");
    }

    static String messageOf(ValidationException error, String field) {
        return error.fieldErrors().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().message();
    }
}
