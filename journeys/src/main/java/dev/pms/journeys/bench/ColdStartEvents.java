package dev.pms.journeys.bench;

import java.util.Optional;
import java.util.UUID;

/**
 * The first event each function of the template gets in the cold-start benchmark: what a user's first request (or
 * the workflow's, the queue's, the schedule's) would be, reading the benchmark user's campaign. Routes go through
 * API Gateway's payload format 2.0 with the authorizer's claims, as the gateway hands them over.
 */
final class ColdStartEvents {
    private static final String PREFIX = "/api/product-marketing";
    private static final String CAMPAIGN = PREFIX + "/campaigns/{campaign_id}";

    private final String user;
    private final String campaignId;
    private final String importId;

    /** {@code importId}: a ZIP import of the campaign, created through the API and never uploaded. */
    ColdStartEvents(String user, String campaignId, String importId) {
        this.user = user;
        this.campaignId = campaignId;
        this.importId = importId;
    }

    /** The event for the function {@code logicalId}, if the benchmark knows one. */
    Optional<String> firstEventOf(String logicalId) {
        return Optional.ofNullable(switch (logicalId) {
            case "CreateBlueprintFunction", "Baseline" -> get(PREFIX + "/campaigns");
            case "GenerateProposalsFunction" -> get(CAMPAIGN + "/proposals");
            case "ChannelPackFunction" -> get(PREFIX + "/channels");
            case "AuditAssetFunction" -> post(CAMPAIGN + "/audit", "{}");
            case "GenerateAssetFunction" -> get(PREFIX + "/assets");
            case "ProductStudioFunction" -> get(PREFIX + "/templates");
            case "CampaignOpsFunction" -> get(CAMPAIGN + "/board");
            case "PersonalizationFunction" -> get(PREFIX + "/personalization/preferences");
            case "InventoryFunction" -> get(CAMPAIGN + "/inventory");
            case "GenerationTasksFunction" -> """
                    {"action": "prepare", "run": {"user_id": "%s", "campaign_id": "%s", "run_id": "%s",
                     "autopilot": false, "tier": "standard"}}""".formatted(user, campaignId, UUID.randomUUID());
            case "InventoryTasksFunction" -> """
                    {"action": "prepare", "run": {"user_id": "%s", "campaign_id": "%s", "import_id": "%s"}}"""
                    .formatted(user, campaignId, importId);
            case "ProviderWorkerFunction" -> sqsJob();
            case "OptimizationFunction" -> """
                    {"version": "0", "id": "%s", "detail-type": "Scheduled Event", "source": "aws.events",
                     "account": "000000000000", "time": "2026-12-03T06:00:00Z", "region": "us-east-1",
                     "resources": ["arn:aws:events:us-east-1:000000000000:rule/pms-OptimizationSchedule"],
                     "detail": {}}""".formatted(UUID.randomUUID());
            default -> null;
        });
    }

    private String get(String route) {
        return api("GET", route, null);
    }

    private String post(String route, String body) {
        return api("POST", route, body);
    }

    private String api(String method, String route, String body) {
        String path = route.replace("{campaign_id}", campaignId);
        String pathParameters = route.contains("{campaign_id}") ? "{\"campaign_id\": \"" + campaignId + "\"}" : "null";
        return """
                {"version": "2.0", "routeKey": "%1$s %2$s", "rawPath": "%3$s", "rawQueryString": "",
                 "headers": {"accept": "application/json", "content-type": "application/json", "host": "localhost"},
                 "pathParameters": %4$s,
                 "requestContext": {"accountId": "000000000000", "apiId": "devstack", "domainName": "localhost",
                   "http": {"method": "%1$s", "path": "%3$s", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                            "userAgent": "cold-start"},
                   "requestId": "%5$s", "routeKey": "%1$s %2$s", "stage": "$default",
                   "timeEpoch": %6$d,
                   "authorizer": {"jwt": {"claims": {"sub": "%7$s"}, "scopes": null}}},
                 "body": %8$s, "isBase64Encoded": false}"""
                .formatted(method, route, path, pathParameters, UUID.randomUUID(), System.currentTimeMillis(), user,
                        body == null ? "null" : quoted(body));
    }

    /** One provider job whose asset is not in the library: the worker reads it and has nothing to do. */
    private String sqsJob() {
        String job = "{\"user_id\":\"" + user + "\",\"asset_library_id\":\"" + UUID.randomUUID()
                + "\",\"task_token\":null,\"poll\":false}";
        return """
                {"Records": [{"messageId": "%s", "receiptHandle": "cold-start", "body": %s,
                  "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "%d"}, "messageAttributes": {},
                  "eventSource": "aws:sqs",
                  "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:pms-ProviderJobsQueue",
                  "awsRegion": "us-east-1"}]}""".formatted(UUID.randomUUID(), quoted(job), System.currentTimeMillis());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
