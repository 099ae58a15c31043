package dev.pms.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pms.core.json.Json;
import org.json.JSONException;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For handler-level tests: Lambda events read from the test's {@code events/*.json} resources (real API Gateway HTTP
 * API payload-2.0 events, Step Functions task inputs, SQS and EventBridge events), with {@code ${name}} placeholders
 * filled in, and the exact comparison of an HTTP response: status, headers and the whole JSON body
 * ({@link JSONCompareMode#STRICT}). The ids the services generate (random UUIDs) are compared by identity: each
 * distinct one in a response body reads {@code id-1}, {@code id-2}, … in order of first appearance, so an expected
 * body pins which members share an id without knowing the ids.
 */
public final class HandlerFixtures {
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", ApiResponse.JSON, "cache-control", "no-store");
    private static final Map<String, String> PROBLEM_HEADERS = Map.of(
            "content-type", ApiResponse.PROBLEM_JSON, "cache-control", "no-store");

    /** Lambda's own event field names (camelCase; SQS's {@code Records} and {@code eventSourceARN} as sent). */
    private static final ObjectMapper EVENTS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build();

    private static final Pattern GENERATED_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private HandlerFixtures() {
    }

    /** The payload-2.0 event in {@code events/<name>.json}. */
    public static APIGatewayV2HTTPEvent httpEvent(String name, Map<String, String> values) {
        return event(name, APIGatewayV2HTTPEvent.class, values);
    }

    /** A non-HTTP event ({@code events/<name>.json}) as the plain JSON map a {@code Map}-typed handler receives. */
    public static Map<String, Object> mapEvent(String name, Map<String, String> values) {
        try {
            return Json.mapper().readValue(text("events/" + name + ".json", values), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("events/" + name + ".json is not a JSON object", e);
        }
    }

    /** The event in {@code events/<name>.json} as the Lambda event type the handler takes. */
    public static <T> T event(String name, Class<T> type, Map<String, String> values) {
        try {
            return EVENTS.readValue(text("events/" + name + ".json", values), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("events/" + name + ".json is not a " + type.getSimpleName(), e);
        }
    }

    /** An expected response body kept beside the events, in {@code responses/<name>.json}. */
    public static String responseBody(String name) {
        return text("responses/" + name + ".json", Map.of());
    }

    /** A text member of a response's JSON body, e.g. the id the service generated, to fill the next fixture. */
    public static String bodyText(APIGatewayV2HTTPResponse response, String jsonPointer) {
        try {
            return Json.mapper().readTree(response.getBody()).at(jsonPointer).asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** A 2xx answer with {@code application/json}: exactly this status, the two headers and this body. */
    public static void assertJson(APIGatewayV2HTTPResponse response, int status, String expectedBody) {
        assertResponse(response, status, JSON_HEADERS, expectedBody);
    }

    /** A problem answer: exactly this status, {@code application/problem+json} and this body. */
    public static void assertProblem(APIGatewayV2HTTPResponse response, int status, String expectedBody) {
        assertResponse(response, status, PROBLEM_HEADERS, expectedBody);
    }

    /** An answer without a body (204): exactly this status and no content type. */
    public static void assertNoContent(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getHeaders()).isEqualTo(Map.of("cache-control", "no-store"));
        assertThat(response.getBody()).isNull();
    }

    /** A non-HTTP handler's answer, written as Lambda writes it, compared exactly (generated ids numbered). */
    public static void assertAnswer(Object answer, String expected) {
        try {
            assertJsonEquals(expected, withNumberedIds(EVENTS.writeValueAsString(answer)));
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot write " + answer, e);
        }
    }

    /** The exact JSON {@code actual}, compared as JSON (member order aside) in STRICT mode. */
    public static void assertJsonEquals(String expected, String actual) {
        try {
            JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
        } catch (AssertionError mismatch) {
            throw new AssertionError(mismatch.getMessage() + "\nactual body: " + actual, mismatch);
        } catch (JSONException e) {
            throw new AssertionError("not JSON: " + actual, e);
        }
    }

    /** {@code body} with each distinct UUID replaced by {@code id-<n>}, numbered in order of first appearance. */
    public static String withNumberedIds(String body) {
        Map<String, String> numbers = new HashMap<>();
        return GENERATED_ID.matcher(body).replaceAll(
                match -> numbers.computeIfAbsent(match.group(), id -> "id-" + (numbers.size() + 1)));
    }

    private static void assertResponse(APIGatewayV2HTTPResponse response, int status, Map<String, String> headers,
                                       String expectedBody) {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).isEqualTo(headers);
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertJsonEquals(expectedBody, withNumberedIds(response.getBody()));
    }

    private static String text(String resource, Map<String, String> values) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
