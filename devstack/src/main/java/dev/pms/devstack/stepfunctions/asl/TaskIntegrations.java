package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.stepfunctions.TaskFailedException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request and response shapes of the Task integrations: Lambda, SQS and nested executions. */
final class TaskIntegrations {

    private final StepFunctionsEngine engine;

    TaskIntegrations(StepFunctionsEngine engine) {
        this.engine = engine;
    }

    ExecutionRecord startChild(JsonNode parameters) {
        NestedExecutions nested = engine.nested();
        JsonNode machine = parameters.get("StateMachineArn");
        if (nested == null || machine == null || !machine.isTextual()) {
            throw AslError.runtime("states:startExecution needs a StateMachineArn: " + Json.write(parameters));
        }
        JsonNode input = parameters.has("Input") ? parameters.get("Input") : Json.object();
        String inputJson = input.isTextual() ? input.textValue() : Json.write(input);
        String name = parameters.hasNonNull("Name") ? parameters.get("Name").asText() : null;
        try {
            return nested.start(machine.textValue(), name, inputJson);
        } catch (ApiError e) {
            throw new AslError("StepFunctions." + e.code() + "Exception", e.getMessage());
        }
    }

    /** The DescribeExecution-shaped result of a states:startExecution task (dates in epoch milliseconds). */
    static JsonNode executionSummary(ExecutionRecord execution, boolean ended, boolean parseOutput) {
        ObjectNode summary = Json.object();
        summary.put("ExecutionArn", execution.executionArn());
        summary.put("StartDate", execution.startDate().toEpochMilli());
        if (!ended) {
            return summary;
        }
        summary.put("StateMachineArn", execution.stateMachineArn());
        summary.put("Name", execution.name());
        summary.put("Status", execution.status());
        summary.put("StopDate", execution.stopDate().toEpochMilli());
        summary.set("Input", parseOutput ? Json.parse(execution.input()) : Json.NODES.textNode(execution.input()));
        summary.putObject("InputDetails").put("Included", true);
        if (execution.output() != null) {
            summary.set("Output", parseOutput ? Json.parse(execution.output())
                    : Json.NODES.textNode(execution.output()));
            summary.putObject("OutputDetails").put("Included", true);
        }
        if (execution.error() != null) {
            summary.put("Error", execution.error());
        }
        if (execution.cause() != null) {
            summary.put("Cause", execution.cause());
        }
        return summary;
    }

    JsonNode lambdaInvoke(JsonNode parameters) throws TaskFailedException {
        JsonNode functionName = parameters.get("FunctionName");
        if (functionName == null || !functionName.isTextual()) {
            throw AslError.runtime("The field 'FunctionName' must be a string: " + Json.write(parameters));
        }
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
        JsonNode result = parseResult(engine.runtime.invokeLambda(functionName.textValue(), Json.write(payload)));
        ObjectNode response = Json.object();
        response.put("ExecutedVersion", "$LATEST");
        response.set("Payload", result);
        response.putObject("SdkHttpMetadata").put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", UUID.randomUUID().toString());
        response.put("StatusCode", 200);
        return response;
    }

    JsonNode sqsSend(JsonNode parameters) throws TaskFailedException {
        JsonNode queueUrl = parameters.get("QueueUrl");
        JsonNode body = parameters.get("MessageBody");
        if (queueUrl == null || !queueUrl.isTextual() || body == null) {
            throw AslError.runtime("sqs:sendMessage needs QueueUrl and MessageBody: " + Json.write(parameters));
        }
        Map<String, Object> others = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("QueueUrl") && !field.getKey().equals("MessageBody")) {
                others.put(field.getKey(), Json.MAPPER.convertValue(field.getValue(), Object.class));
            }
        }
        String messageBody = body.isTextual() ? body.textValue() : Json.write(body);
        return parseResult(engine.runtime.sendSqsMessage(queueUrl.textValue(), messageBody, others));
    }

    static JsonNode parseResult(String text) {
        if (text == null || text.isBlank()) {
            return Json.NODES.nullNode();
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            return Json.NODES.textNode(text);
        }
    }

    static ObjectNode taskDetails(TaskResource resource) {
        ObjectNode details = Json.object();
        details.put("resourceType", resource.resourceType());
        details.put("resource", resource.resourceName());
        return details;
    }
}
