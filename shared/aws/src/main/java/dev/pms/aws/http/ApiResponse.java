package dev.pms.aws.http;

import dev.pms.core.json.Json;

import java.util.Map;

public record ApiResponse(int status, Map<String, String> headers, String body) {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, Map.of("content-type", JSON), write(value));
    }

    public static ApiResponse ok(Object value) {
        return json(200, value);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }

    static String write(Object value) {
        return Json.write(value);
    }
}
