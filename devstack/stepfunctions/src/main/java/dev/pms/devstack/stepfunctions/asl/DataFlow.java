package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** InputPath, OutputPath and ResultPath as the states language applies them. */
final class DataFlow {

    private DataFlow() {
    }

    static JsonNode inputPath(JsonNode state, JsonNode input, ContextObject context) {
        JsonNode path = state.get("InputPath");
        if (path == null) {
            return input;
        }
        if (path.isNull()) {
            return Json.object();
        }
        return JsonPaths.resolveRequired(path.asText(), input, context, "InputPath");
    }

    static JsonNode outputPath(JsonNode state, JsonNode output, ContextObject context) {
        JsonNode path = state.get("OutputPath");
        if (path == null) {
            return output;
        }
        if (path.isNull()) {
            return Json.object();
        }
        return JsonPaths.resolveRequired(path.asText(), output, context, "OutputPath");
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
