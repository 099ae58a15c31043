package dev.pms.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.file.StandardCopyOption;

/**
 * moto keeps DynamoDB in memory only. For {@code --data DIR} every table (its definition and its items in
 * DynamoDB's own JSON, so no type is lost) is written to {@code DIR/dynamodb/<table>.json} on a clean close
 * and loaded again on start. Talks the DynamoDB JSON protocol directly (moto does not check signatures).
 */
final class DynamoDbSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbSnapshots.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int BATCH_WRITE_LIMIT = 25;

    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DynamoDbSnapshots(URI endpoint) {
        this.endpoint = endpoint;
    }

    int snapshotAll(Path directory) throws IOException {
        Files.createDirectories(directory);
        int tables = 0;
        for (String table : listTables()) {
            ObjectNode snapshot = JSON.createObjectNode();
            snapshot.set("Table", call("DescribeTable", JSON.createObjectNode().put("TableName", table)).get("Table"));
            ArrayNode items = snapshot.putArray("Items");
            JsonNode startKey = null;
            do {
                ObjectNode scan = JSON.createObjectNode().put("TableName", table);
                if (startKey != null) {
                    scan.set("ExclusiveStartKey", startKey);
                }
                JsonNode page = call("Scan", scan);
                page.path("Items").forEach(items::add);
                startKey = page.get("LastEvaluatedKey");
            } while (startKey != null && !startKey.isEmpty());
            Path file = directory.resolve(table + ".json");
            Path temporary = directory.resolve(table + ".json.tmp");
            JSON.writeValue(temporary.toFile(), snapshot);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            tables++;
        }
        return tables;
    }

    int restoreAll(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode snapshot = JSON.readTree(file.toFile());
            JsonNode table = snapshot.path("Table");
            String tableName = table.path("TableName").asText();
            if (!listTables().contains(tableName)) {
                call("CreateTable", createTableRequest(table));
            }
            List<JsonNode> items = new ArrayList<>();
            snapshot.path("Items").forEach(items::add);
            for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
                ArrayNode writes = JSON.createArrayNode();
                for (JsonNode item : items.subList(from, Math.min(items.size(), from + BATCH_WRITE_LIMIT))) {
                    writes.addObject().putObject("PutRequest").set("Item", item);
                }
                ObjectNode request = JSON.createObjectNode();
                request.putObject("RequestItems").set(tableName, writes);
                call("BatchWriteItem", request);
            }
            LOG.info("restored DynamoDB table {} ({} items) from {}", tableName, items.size(), file);
        }
        return files.size();
    }

    /** Rebuilds a CreateTable request from a DescribeTable answer. */
    static ObjectNode createTableRequest(JsonNode table) {
        ObjectNode request = JSON.createObjectNode();
        request.put("TableName", table.path("TableName").asText());
        request.set("KeySchema", table.path("KeySchema"));
        request.set("AttributeDefinitions", table.path("AttributeDefinitions"));
        request.put("BillingMode", "PAY_PER_REQUEST");
        if (table.path("GlobalSecondaryIndexes").size() > 0) {
            ArrayNode indexes = request.putArray("GlobalSecondaryIndexes");
            table.get("GlobalSecondaryIndexes").forEach(index -> indexes.add(indexDefinition(index)));
        }
        if (table.path("LocalSecondaryIndexes").size() > 0) {
            ArrayNode indexes = request.putArray("LocalSecondaryIndexes");
            table.get("LocalSecondaryIndexes").forEach(index -> indexes.add(indexDefinition(index)));
        }
        return request;
    }

    private static ObjectNode indexDefinition(JsonNode index) {
        ObjectNode definition = JSON.createObjectNode();
        definition.put("IndexName", index.path("IndexName").asText());
        definition.set("KeySchema", index.path("KeySchema"));
        definition.set("Projection", index.path("Projection"));
        return definition;
    }

    List<String> listTables() throws IOException {
        List<String> names = new ArrayList<>();
        String start = null;
        do {
            ObjectNode request = JSON.createObjectNode();
            if (start != null) {
                request.put("ExclusiveStartTableName", start);
            }
            JsonNode page = call("ListTables", request);
            page.path("TableNames").forEach(name -> names.add(name.asText()));
            start = page.hasNonNull("LastEvaluatedTableName") ? page.get("LastEvaluatedTableName").asText() : null;
        } while (start != null);
        return names;
    }

    JsonNode call(String operation, ObjectNode body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=devstack/20260101/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host;x-amz-target, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during DynamoDB " + operation, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("DynamoDB " + operation + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
