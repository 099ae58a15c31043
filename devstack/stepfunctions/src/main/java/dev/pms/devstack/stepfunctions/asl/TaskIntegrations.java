package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.stepfunctions.TaskFailedException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

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
        // AWS: "If you don't include any JSON input data, you still must include the two braces": an absent
        // or null Input starts the child with {}.
        JsonNode input = parameters.path("Input");
        String inputJson = input.isMissingNode() || input.isNull() ? "{}"
                : input.isTextual() ? input.textValue() : Json.write(input);
        String name = parameters.hasNonNull("Name") ? parameters.get("Name").asText() : null;
        try {
            return nested.start(machine.textValue(), name, inputJson);
        } catch (ApiError e) {
            throw new AslError("StepFunctions." + e.code() + "Exception", e.getMessage());
        }
    }

    /**
     * The result of a states:startExecution task, dates in epoch milliseconds as AWS's Java SDK renders them.
     * Request-response: the StartExecution response with the SDK's metadata ({@code ExecutionArn},
     * {@code SdkHttpMetadata}, {@code SdkResponseMetadata}, {@code StartDate}). {@code .sync}/{@code .sync:2}:
     * the child's DescribeExecution response, redrive fields included.
     */
    static JsonNode executionSummary(ExecutionRecord execution, boolean ended, boolean parseOutput) {
        ObjectNode summary = Json.object();
        summary.put("ExecutionArn", execution.executionArn());
        if (!ended) {
            String requestId = UUID.randomUUID().toString();
            summary.set("SdkHttpMetadata", sdkHttpMetadata(execution, requestId));
            summary.putObject("SdkResponseMetadata").put("RequestId", requestId);
            summary.put("StartDate", execution.startDate().toEpochMilli());
            return summary;
        }
        summary.put("StartDate", execution.startDate().toEpochMilli());
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
        summary.put("RedriveCount", 0);
        summary.put("RedriveStatus", "NOT_REDRIVABLE");
        if ("SUCCEEDED".equals(execution.status())) {
            summary.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
        }
        return summary;
    }

    /** The HTTP metadata the SDK attaches to a StartExecution response (one JSON 1.0 answer of the service). */
    private static ObjectNode sdkHttpMetadata(ExecutionRecord execution, String requestId) {
        String length = Integer.toString(("{\"executionArn\":\"" + execution.executionArn()
                + "\",\"startDate\":" + execution.startDate().toEpochMilli() / 1000.0 + "}").length());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC));
        ObjectNode metadata = Json.object();
        ObjectNode all = metadata.putObject("AllHttpHeaders");
        all.putArray("x-amzn-RequestId").add(requestId);
        all.putArray("connection").add("keep-alive");
        all.putArray("Content-Length").add(length);
        all.putArray("Date").add(date);
        all.putArray("Content-Type").add("application/x-amz-json-1.0");
        ObjectNode headers = metadata.putObject("HttpHeaders");
        headers.put("connection", "keep-alive");
        headers.put("Content-Length", length);
        headers.put("Content-Type", "application/x-amz-json-1.0");
        headers.put("Date", date);
        headers.put("x-amzn-RequestId", requestId);
        metadata.put("HttpStatusCode", 200);
        return metadata;
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
