package dev.pms.emulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates what a template declares on a {@link LocalAws}: DynamoDB tables (keys, GSIs, LSIs, TTL), S3
 * buckets and SQS queues (attributes, FIFO, redrive to a DLQ). Functions, state machines and HTTP APIs are
 * only named, so that {@code Ref}/{@code Fn::GetAtt} resolve. Idempotent: what exists is kept.
 */
public final class TemplateProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateProvisioner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String NAME_PREFIX = "pms-local-";
    /** Queue attributes copied as they are from the template's properties. */
    private static final List<String> PLAIN_QUEUE_ATTRIBUTES = List.of("VisibilityTimeout", "MessageRetentionPeriod",
            "DelaySeconds", "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds", "ContentBasedDeduplication",
            "DeduplicationScope", "FifoThroughputLimit");
    private static final Set<String> NAMED_ONLY_TYPES = Set.of(ProvisionedResources.SERVERLESS_FUNCTION,
            ProvisionedResources.LAMBDA_FUNCTION, ProvisionedResources.SERVERLESS_STATE_MACHINE,
            ProvisionedResources.STATE_MACHINE, ProvisionedResources.SERVERLESS_HTTP_API,
            ProvisionedResources.SERVERLESS_API);

    private TemplateProvisioner() {
    }

    public static ProvisionedResources provision(LocalAws localAws, SamTemplate template,
                                                 Map<String, String> parameterOverrides) {
        IntrinsicResolver namingResolver = new IntrinsicResolver(template, parameterOverrides, null);
        ProvisionedResources named = name(template, namingResolver, localAws.sqsEndpoint().toString());
        IntrinsicResolver resolver = namingResolver.withResources(named);
        // tables, buckets and queues are independent: provision the three services concurrently
        ExecutorService pool = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "provision");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<Void> tables = CompletableFuture.runAsync(() -> {
                try (DynamoDbClient dynamoDb = localAws.dynamoDbClient()) {
                    for (SamTemplate.Resource table : provisionable(template, named, ProvisionedResources.DYNAMODB_TABLE)) {
                        createTable(dynamoDb, table, named.get(table.logicalId()).physicalName(), resolver);
                    }
                }
            }, pool);
            CompletableFuture<Void> buckets = CompletableFuture.runAsync(() -> {
                try (S3Client s3 = localAws.s3Client()) {
                    for (SamTemplate.Resource bucket : provisionable(template, named, ProvisionedResources.S3_BUCKET)) {
                        createBucket(s3, bucket.logicalId(), named.get(bucket.logicalId()).physicalName());
                    }
                }
            }, pool);
            CompletableFuture<Void> queues = CompletableFuture.runAsync(() -> {
                try (SqsClient sqs = localAws.sqsClient()) {
                    List<SamTemplate.Resource> declared = provisionable(template, named, ProvisionedResources.SQS_QUEUE);
                    for (SamTemplate.Resource queue : declared) {
                        createQueue(sqs, queue, named.get(queue.logicalId()).physicalName(), resolver, false);
                    }
                    // redrive policies point at DLQs by ARN, so they are set once every queue exists
                    for (SamTemplate.Resource queue : declared) {
                        if (queue.properties().containsKey("RedrivePolicy")) {
                            createQueue(sqs, queue, named.get(queue.logicalId()).physicalName(), resolver, true);
                        }
                    }
                }
            }, pool);
            CompletableFuture.allOf(tables, buckets, queues).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        } finally {
            pool.shutdown();
        }
        return named;
    }

    private static List<SamTemplate.Resource> provisionable(SamTemplate template, ProvisionedResources named, String type) {
        return template.resourcesOfType(type).stream()
                .filter(resource -> named.all().containsKey(resource.logicalId()))
                .toList();
    }

    /** Physical names, {@code Ref} values and attributes of everything the local stack knows, in template order, without creating anything. */
    public static ProvisionedResources name(SamTemplate template, IntrinsicResolver resolver, String sqsEndpoint) {
        Map<String, ProvisionedResources.Resource> resources = new LinkedHashMap<>();
        String region = LocalAws.REGION;
        String account = LocalAws.ACCOUNT_ID;
        for (SamTemplate.Resource resource : template.resources().values()) {
            if (resource.condition() != null && !resolver.condition(resource.condition())) {
                continue;
            }
            IntrinsicResolver current = resolver.withResources(new ProvisionedResources(resources));
            String id = resource.logicalId();
            String where = "Resources." + id + ".Properties.";
            Map<String, String> attributes = new LinkedHashMap<>();
            ProvisionedResources.Resource named;
            switch (resource.type()) {
                case ProvisionedResources.DYNAMODB_TABLE -> {
                    String name = explicitName(resource, "TableName", current).orElse(NAME_PREFIX + id);
                    attributes.put("Arn", "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name);
                    named = new ProvisionedResources.Resource(id, resource.type(), name, name, attributes);
                }
                case ProvisionedResources.S3_BUCKET -> {
                    String name = explicitName(resource, "BucketName", current)
                            .orElse(NAME_PREFIX + id.toLowerCase(Locale.ROOT));
                    attributes.put("Arn", "arn:aws:s3:::" + name);
                    attributes.put("DomainName", name + ".s3.amazonaws.com");
                    attributes.put("RegionalDomainName", name + ".s3." + region + ".amazonaws.com");
                    named = new ProvisionedResources.Resource(id, resource.type(), name, name, attributes);
                }
                case ProvisionedResources.SQS_QUEUE -> {
                    boolean fifo = Boolean.parseBoolean(String.valueOf(
                            resolver.resolve(resource.properties().getOrDefault("FifoQueue", false), where + "FifoQueue")));
                    String name = explicitName(resource, "QueueName", current)
                            .orElse(NAME_PREFIX + id + (fifo ? ".fifo" : ""));
                    String url = sqsEndpoint + "/" + account + "/" + name;
                    attributes.put("Arn", "arn:aws:sqs:" + region + ":" + account + ":" + name);
                    attributes.put("QueueUrl", url);
                    attributes.put("QueueName", name);
                    named = new ProvisionedResources.Resource(id, resource.type(), name, url, attributes);
                }
                case ProvisionedResources.SERVERLESS_FUNCTION, ProvisionedResources.LAMBDA_FUNCTION -> {
                    String name = explicitName(resource, "FunctionName", current).orElse(NAME_PREFIX + id);
                    attributes.put("Arn", "arn:aws:lambda:" + region + ":" + account + ":function:" + name);
                    named = new ProvisionedResources.Resource(id, resource.type(), name, name, attributes);
                }
                case ProvisionedResources.SERVERLESS_STATE_MACHINE, ProvisionedResources.STATE_MACHINE -> {
                    String property = resource.type().equals(ProvisionedResources.STATE_MACHINE)
                            ? "StateMachineName" : "Name";
                    String name = explicitName(resource, property, current).orElse(NAME_PREFIX + id);
                    String arn = "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
                    attributes.put("Arn", arn);
                    attributes.put("Name", name);
                    named = new ProvisionedResources.Resource(id, resource.type(), name, arn, attributes);
                }
                case ProvisionedResources.SERVERLESS_HTTP_API, ProvisionedResources.SERVERLESS_API -> {
                    String apiId = id.toLowerCase(Locale.ROOT);
                    named = new ProvisionedResources.Resource(id, resource.type(), apiId, apiId, attributes);
                }
                default -> named = null;
            }
            if (named != null) {
                resources.put(id, named);
            } else if (!NAMED_ONLY_TYPES.contains(resource.type())) {
                LOG.debug("{} ({}) is not emulated locally", id, resource.type());
            }
        }
        return new ProvisionedResources(resources);
    }

    private static Optional<String> explicitName(SamTemplate.Resource resource, String property,
                                                           IntrinsicResolver resolver) {
        Object declared = resource.properties().get(property);
        if (declared == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(resolver.resolveString(declared,
                "Resources." + resource.logicalId() + ".Properties." + property));
    }

    private static void createTable(DynamoDbClient dynamoDb, SamTemplate.Resource resource, String tableName,
                                    IntrinsicResolver resolver) {
        String where = "Resources." + resource.logicalId() + ".Properties";
        Map<String, Object> properties = SamTemplate.asMap(resolver.resolve(resource.properties(), where), where);
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .keySchema(keySchema(properties.get("KeySchema"), where + ".KeySchema"))
                .attributeDefinitions(listOfMaps(properties.get("AttributeDefinitions"), where + ".AttributeDefinitions")
                        .stream()
                        .map(definition -> AttributeDefinition.builder()
                                .attributeName(text(definition, "AttributeName", where + ".AttributeDefinitions"))
                                .attributeType(text(definition, "AttributeType", where + ".AttributeDefinitions"))
                                .build())
                        .toList());
        boolean provisioned = "PROVISIONED".equals(properties.get("BillingMode"))
                || (properties.get("BillingMode") == null && properties.containsKey("ProvisionedThroughput"));
        if (provisioned) {
            request.billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(throughput(properties.get("ProvisionedThroughput")));
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        if (properties.get("GlobalSecondaryIndexes") != null) {
            String at = where + ".GlobalSecondaryIndexes";
            request.globalSecondaryIndexes(listOfMaps(properties.get("GlobalSecondaryIndexes"), at).stream()
                    .map(index -> {
                        GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                                .indexName(text(index, "IndexName", at))
                                .keySchema(keySchema(index.get("KeySchema"), at + ".KeySchema"))
                                .projection(projection(index.get("Projection"), at));
                        if (provisioned) {
                            gsi.provisionedThroughput(throughput(index.get("ProvisionedThroughput")));
                        }
                        return gsi.build();
                    })
                    .toList());
        }
        if (properties.get("LocalSecondaryIndexes") != null) {
            String at = where + ".LocalSecondaryIndexes";
            request.localSecondaryIndexes(listOfMaps(properties.get("LocalSecondaryIndexes"), at).stream()
                    .map(index -> LocalSecondaryIndex.builder()
                            .indexName(text(index, "IndexName", at))
                            .keySchema(keySchema(index.get("KeySchema"), at + ".KeySchema"))
                            .projection(projection(index.get("Projection"), at))
                            .build())
                    .toList());
        }
        try {
            dynamoDb.createTable(request.build());
            LOG.debug("created table {} ({})", tableName, resource.logicalId());
        } catch (ResourceInUseException exists) {
            LOG.debug("table {} already exists", tableName);
        }
        if (properties.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl
                && Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
            String attribute = String.valueOf(ttl.get("AttributeName"));
            TimeToLiveStatus status = dynamoDb.describeTimeToLive(describe -> describe.tableName(tableName))
                    .timeToLiveDescription().timeToLiveStatus();
            if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
                dynamoDb.updateTimeToLive(update -> update.tableName(tableName)
                        .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true)));
            }
        }
    }

    private static void createBucket(S3Client s3, String logicalId, String bucketName) {
        try {
            s3.createBucket(create -> create.bucket(bucketName));
            LOG.debug("created bucket {} ({})", bucketName, logicalId);
        } catch (BucketAlreadyOwnedByYouException exists) {
            LOG.debug("bucket {} already exists", bucketName);
        } catch (S3Exception e) {
            if (e.statusCode() != 409) {
                throw new TemplateException("Resources." + logicalId + ": cannot create bucket '" + bucketName + "': "
                        + e.getMessage(), e);
            }
        }
    }

    private static void createQueue(SqsClient sqs, SamTemplate.Resource resource, String queueName,
                                    IntrinsicResolver resolver, boolean redrivePass) {
        String where = "Resources." + resource.logicalId() + ".Properties";
        Map<String, Object> properties = SamTemplate.asMap(resolver.resolve(resource.properties(), where), where);
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        if (redrivePass) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, redrivePolicy(properties.get("RedrivePolicy"),
                    where + ".RedrivePolicy"));
            String queueUrl = sqs.getQueueUrl(get -> get.queueName(queueName)).queueUrl();
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl).attributes(attributes));
            return;
        }
        for (String attribute : PLAIN_QUEUE_ATTRIBUTES) {
            if (properties.get(attribute) != null) {
                attributes.put(QueueAttributeName.fromValue(attribute), String.valueOf(properties.get(attribute)));
            }
        }
        if (Boolean.parseBoolean(String.valueOf(properties.getOrDefault("FifoQueue", false)))) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        try {
            sqs.createQueue(create -> create.queueName(queueName).attributes(attributes));
        } catch (QueueNameExistsException exists) {
            String queueUrl = sqs.getQueueUrl(get -> get.queueName(queueName)).queueUrl();
            attributes.remove(QueueAttributeName.FIFO_QUEUE);
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl).attributes(attributes));
        }
        LOG.debug("queue {} ({}) ready", queueName, resource.logicalId());
    }

    private static String redrivePolicy(Object declared, String where) {
        if (declared instanceof String text) {
            return text;
        }
        Map<String, Object> policy = SamTemplate.asMap(declared, where);
        if (policy.get("deadLetterTargetArn") == null || policy.get("maxReceiveCount") == null) {
            throw new TemplateException(where + " needs deadLetterTargetArn and maxReceiveCount");
        }
        Map<String, Object> normalized = new LinkedHashMap<>();
        normalized.put("deadLetterTargetArn", String.valueOf(policy.get("deadLetterTargetArn")));
        normalized.put("maxReceiveCount", Integer.parseInt(String.valueOf(policy.get("maxReceiveCount"))));
        try {
            return JSON.writeValueAsString(normalized);
        } catch (JsonProcessingException e) {
            throw new TemplateException(where + " cannot be written as JSON", e);
        }
    }

    private static List<KeySchemaElement> keySchema(Object declared, String where) {
        return listOfMaps(declared, where).stream()
                .map(key -> KeySchemaElement.builder()
                        .attributeName(text(key, "AttributeName", where))
                        .keyType(text(key, "KeyType", where))
                        .build())
                .toList();
    }

    private static Projection projection(Object declared, String where) {
        if (declared == null) {
            return Projection.builder().projectionType("ALL").build();
        }
        Map<String, Object> projection = SamTemplate.asMap(declared, where + ".Projection");
        Projection.Builder builder = Projection.builder()
                .projectionType(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")));
        if (projection.get("NonKeyAttributes") instanceof List<?> attributes) {
            builder.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Object declared) {
        long read = 5;
        long write = 5;
        if (declared instanceof Map<?, ?> map) {
            read = Long.parseLong(String.valueOf(map.get("ReadCapacityUnits") == null ? 5 : map.get("ReadCapacityUnits")));
            write = Long.parseLong(String.valueOf(map.get("WriteCapacityUnits") == null ? 5 : map.get("WriteCapacityUnits")));
        }
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }

    private static List<Map<String, Object>> listOfMaps(Object declared, String where) {
        if (!(declared instanceof List<?> list)) {
            throw new TemplateException(where + " must be a list but is " + SamTemplate.describe(declared));
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            maps.add(SamTemplate.asMap(list.get(index), where + "[" + index + "]"));
        }
        return maps;
    }

    private static String text(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            throw new TemplateException(where + " lacks " + key);
        }
        return String.valueOf(value);
    }
}
