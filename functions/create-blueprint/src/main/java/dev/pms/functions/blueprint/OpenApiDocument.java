package dev.pms.functions.blueprint;

import dev.pms.aws.http.ApiResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The API's OpenAPI 3.1 description, {@value #RESOURCE} on the class path, served as it is stored. Tests hold it to
 * template.yaml, the gateway's routing and real responses, so it describes what the functions serve.
 */
final class OpenApiDocument {
    static final String RESOURCE = "/openapi.json";

    private volatile String json;

    ApiResponse response() {
        return new ApiResponse(200, Map.of("content-type", ApiResponse.JSON, "cache-control", "public, max-age=300"),
                json());
    }

    private String json() {
        String loaded = json;
        if (loaded == null) {
            loaded = read();
            json = loaded;
        }
        return loaded;
    }

    private static String read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
