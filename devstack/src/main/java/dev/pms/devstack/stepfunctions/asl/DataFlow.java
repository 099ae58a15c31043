package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** InputPath, OutputPath and ResultPath as the states language applies them. */
final class DataFlow {

    private DataFlow() {
    }

    static JsonNode inputPath(JsonNode state, JsonNode input) {
        if (!state.has("InputPath")) {
            return input;
        }
        JsonNode path = state.get("InputPath");
        if (path.isNull()) {
            return Json.object();
        }
        return JsonPaths.require(input, path.asText(), "InputPath");
    }

    static JsonNode outputPath(JsonNode state, JsonNode output) {
        if (!state.has("OutputPath")) {
            return output;
        }
        JsonNode path = state.get("OutputPath");
        if (path.isNull()) {
            return Json.object();
        }
        return JsonPaths.require(output, path.asText(), "OutputPath");
    }

    static JsonNode resultPath(JsonNode path, boolean present, JsonNode input, JsonNode result) {
        if (!present) {
            return result;
        }
        if (path.isNull()) {
            return input;
        }
        return JsonPaths.place(input, path.asText(), result);
    }
}
