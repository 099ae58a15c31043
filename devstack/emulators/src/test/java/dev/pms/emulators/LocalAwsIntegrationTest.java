package dev.pms.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;

@ExtendWith(LocalAwsExtension.class)
@LocalAwsTemplate("classpath:local-aws-test-template.yaml")
class LocalAwsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void provisionsTheTemplateWithItsNames(LocalAws localAws, ProvisionedResources resources) {
        assertThat(localAws.region()).isEqualTo("us-east-1");
        assertThat(resources.tableName("AppTable")).isEqualTo("pms-local-test-app");
        assertThat(resources.tableName("CountersTable")).isEqualTo("pms-local-CountersTable");
        assertThat(resources.bucketName("MediaBucket")).isEqualTo("pms-local-mediabucket");
        assertThat(resources.queueName("OrderedQueue")).isEqualTo("pms-local-OrderedQueue.fifo");
        try (DynamoDbClient dynamoDb = localAws.dynamoDbClient(); SqsClient sqs = localAws.sqsClient()) {
            assertThat(dynamoDb.listTables().tableNames()).contains("pms-local-test-app", "pms-local-CountersTable");
            assertThat(dynamoDb.describeTimeToLive(d -> d.tableName("pms-local-test-app")).timeToLiveDescription())
                    .satisfies(ttl -> {
                        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                        assertThat(ttl.attributeName()).isEqualTo("expires_at");
                    });
            Map<QueueAttributeName, String> jobs = sqs.getQueueAttributes(get -> get
                    .queueUrl(resources.queueUrl("JobsQueue")).attributeNames(QueueAttributeName.ALL)).attributes();
            assertThat(jobs.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("30");
            assertThat(jobs.get(QueueAttributeName.REDRIVE_POLICY))
                    .contains(resources.queueArn("JobsDeadLetterQueue")).contains("2");
            assertThat(sqs.getQueueAttributes(get -> get.queueUrl(resources.queueUrl("OrderedQueue"))
                    .attributeNames(QueueAttributeName.FIFO_QUEUE)).attributes().get(QueueAttributeName.FIFO_QUEUE))
                    .isEqualTo("true");
        }
        // provisioning again is harmless
        ProvisionedResources again = TemplateProvisioner.provision(localAws,
                LocalAwsExtension.loadTemplate("classpath:local-aws-test-template.yaml"), Map.of());
        assertThat(again.all().keySet()).isEqualTo(resources.all().keySet());
    }

    @Test
    void motoRunsPatchedToScaleAndACancelledTransactionStillLeavesNoTrace(LocalAws localAws,
                                                                          ProvisionedResources resources) throws Exception {
        assertThat(Files.readString(localAws.dynamoDbLogFile()))
                .contains("devstack: moto patched (item-level transaction rollback, partition queries)");
        String table = resources.tableName("AppTable");
        String tenant = "USER#" + UUID.randomUUID();
        try (DynamoDbClient dynamoDb = localAws.dynamoDbClient()) {
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", s(tenant), "sk", s("A"), "doc", s("before"))));
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", s(tenant), "sk", s("C"), "doc", s("taken"))));

            assertThatThrownBy(() -> dynamoDb.transactWriteItems(tx -> tx.transactItems(
                    TransactWriteItem.builder().put(put -> put.tableName(table)
                            .item(Map.of("pk", s(tenant), "sk", s("B"), "doc", s("new")))).build(),
                    TransactWriteItem.builder().update(update -> update.tableName(table)
                            .key(Map.of("pk", s(tenant), "sk", s("A")))
                            .updateExpression("SET #doc = :after").expressionAttributeNames(Map.of("#doc", "doc"))
                            .expressionAttributeValues(Map.of(":after", s("after")))).build(),
                    TransactWriteItem.builder().conditionCheck(check -> check.tableName(table)
                            .key(Map.of("pk", s(tenant), "sk", s("C")))
                            .conditionExpression("attribute_not_exists(pk)")).build())))
                    .isInstanceOf(TransactionCanceledException.class);

            List<Map<String, AttributeValue>> items = dynamoDb.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(tenant)))).items();
            assertThat(items).extracting(item -> item.get("sk").s() + "=" + item.get("doc").s())
                    .containsExactly("A=before", "C=taken");
        }
    }

    @Test
    void dynamoDbFeaturesTheRepositoriesRelyOn(LocalAws localAws, ProvisionedResources resources) {
        String table = resources.tableName("AppTable");
        String tenant = "USER#" + UUID.randomUUID();
        try (DynamoDbClient dynamoDb = localAws.dynamoDbClient()) {
            for (int index = 0; index < 5; index++) {
                int i = index;
                dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                        "pk", s(tenant), "sk", s("CAMPAIGN#" + i), "status", s(i % 2 == 0 ? "draft" : "ready"),
                        "created", s("2026-11-0" + (9 - i)), "gsi1pk", s("TYPE#campaign"), "gsi1sk", s(tenant + "#" + i))));
            }
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", s(tenant), "sk", s("PROFILE"))));

            // conditional put: attribute_not_exists
            assertThatThrownBy(() -> dynamoDb.putItem(put -> put.tableName(table)
                    .item(Map.of("pk", s(tenant), "sk", s("PROFILE")))
                    .conditionExpression("attribute_not_exists(pk)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);

            // Query with begins_with, paged with Limit + ExclusiveStartKey
            QueryResponse first = dynamoDb.query(q -> q.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(tenant), ":prefix", s("CAMPAIGN#")))
                    .limit(3));
            assertThat(first.items()).hasSize(3);
            assertThat(first.lastEvaluatedKey()).isNotEmpty();
            QueryResponse second = dynamoDb.query(q -> q.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(tenant), ":prefix", s("CAMPAIGN#")))
                    .limit(3).exclusiveStartKey(first.lastEvaluatedKey()));
            assertThat(second.items()).extracting(item -> item.get("sk").s())
                    .containsExactly("CAMPAIGN#3", "CAMPAIGN#4");

            // FilterExpression (with a reserved word as attribute name)
            QueryResponse drafts = dynamoDb.query(q -> q.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .filterExpression("#status = :draft")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pk", s(tenant), ":prefix", s("CAMPAIGN#"), ":draft", s("draft"))));
            assertThat(drafts.items()).extracting(item -> item.get("sk").s())
                    .containsExactly("CAMPAIGN#0", "CAMPAIGN#2", "CAMPAIGN#4");

            // LSI (KEYS_ONLY projection, sorted by created)
            QueryResponse byCreated = dynamoDb.query(q -> q.tableName(table).indexName("by-created")
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(tenant))));
            assertThat(byCreated.items()).extracting(item -> item.get("sk").s())
                    .containsExactly("CAMPAIGN#4", "CAMPAIGN#3", "CAMPAIGN#2", "CAMPAIGN#1", "CAMPAIGN#0");
            assertThat(byCreated.items().get(0)).doesNotContainKey("status");

            // GSI
            QueryResponse byType = dynamoDb.query(q -> q.tableName(table).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :type AND begins_with(gsi1sk, :tenant)")
                    .expressionAttributeValues(Map.of(":type", s("TYPE#campaign"), ":tenant", s(tenant))));
            assertThat(byType.items()).hasSize(5);

            // TransactWriteItems: all or nothing
            assertThatThrownBy(() -> dynamoDb.transactWriteItems(tx -> tx.transactItems(
                    item -> item.put(put -> put.tableName(table).item(Map.of("pk", s(tenant), "sk", s("TX#1"))))
                    , item -> item.conditionCheck(check -> check.tableName(table)
                            .key(Map.of("pk", s(tenant), "sk", s("PROFILE")))
                            .conditionExpression("attribute_not_exists(pk)")))))
                    .isInstanceOf(TransactionCanceledException.class);
            assertThat(dynamoDb.getItem(get -> get.tableName(table)
                    .key(Map.of("pk", s(tenant), "sk", s("TX#1")))).hasItem()).isFalse();
            dynamoDb.transactWriteItems(tx -> tx.transactItems(
                    item -> item.put(put -> put.tableName(table).item(Map.of("pk", s(tenant), "sk", s("TX#1")))),
                    item -> item.update(update -> update.tableName(table)
                            .key(Map.of("pk", s(tenant), "sk", s("PROFILE")))
                            .updateExpression("SET version = :one")
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))));
            assertThat(dynamoDb.getItem(get -> get.tableName(table)
                    .key(Map.of("pk", s(tenant), "sk", s("TX#1")))).hasItem()).isTrue();
        }
    }

    @Test
    void s3VerifiesSignaturesAndServesPresignedUrls(LocalAws localAws, ProvisionedResources resources)
            throws Exception {
        String bucket = resources.bucketName("MediaBucket");
        String key = "users/u1/" + UUID.randomUUID() + ".txt";
        try (S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(localAws.s3Endpoint())
                .region(Region.of(localAws.region()))
                .credentialsProvider(localAws.credentialsProvider())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .build();
             S3Client s3 = localAws.s3Client()) {
            PresignedPutObjectRequest put = presigner.presignPutObject(p -> p
                    .signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(bucket).key(key).contentType("text/plain")));
            HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(put.url().toURI())
                    .header("Content-Type", "text/plain")
                    .PUT(HttpRequest.BodyPublishers.ofString("hello presigned")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

            PresignedGetObjectRequest get = presigner.presignGetObject(p -> p
                    .signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(o -> o.bucket(bucket).key(key)));
            HttpResponse<String> downloaded = HTTP.send(HttpRequest.newBuilder(get.url().toURI()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(downloaded.statusCode()).isEqualTo(200);
            assertThat(downloaded.body()).isEqualTo("hello presigned");

            // a tampered signature is refused, so SigV4 is really checked
            URI tampered = URI.create(get.url().toString().replaceAll("X-Amz-Signature=[0-9a-f]{4}", "X-Amz-Signature=0000"));
            assertThat(HTTP.send(HttpRequest.newBuilder(tampered).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);

            s3.putObject(o -> o.bucket(bucket).key(key + ".sdk"), RequestBody.fromString("via sdk"));
            assertThat(s3.getObjectAsBytes(o -> o.bucket(bucket).key(key + ".sdk")).asString(StandardCharsets.UTF_8))
                    .isEqualTo("via sdk");
        }
        try (S3Client wrongSecret = S3Client.builder()
                .endpointOverride(localAws.s3Endpoint())
                .region(Region.of(localAws.region()))
                .credentialsProvider(() -> AwsBasicCredentials.create(
                        localAws.accessKeyId(), "not-the-secret"))
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            assertThatThrownBy(() -> wrongSecret.listObjectsV2(l -> l.bucket(bucket)))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void sqsRedrivesToTheDeadLetterQueueAfterMaxReceiveCount(LocalAws localAws, ProvisionedResources resources) {
        String queue = resources.queueUrl("JobsQueue");
        String deadLetters = resources.queueUrl("JobsDeadLetterQueue");
        String body = "job-" + UUID.randomUUID();
        try (SqsClient sqs = localAws.sqsClient()) {
            sqs.sendMessage(send -> send.queueUrl(queue).messageBody(body));
            // maxReceiveCount 2: two receives without delete, then the third moves it to the DLQ
            for (int receive = 1; receive <= 2; receive++) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).visibilityTimeout(0)
                        .waitTimeSeconds(2).maxNumberOfMessages(10)).messages();
                assertThat(messages).extracting(Message::body).as("receive " + receive).contains(body);
            }
            List<Message> third = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(0)
                    .maxNumberOfMessages(10)).messages();
            assertThat(third).extracting(Message::body).doesNotContain(body);
            List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(deadLetters).waitTimeSeconds(2)
                    .maxNumberOfMessages(10)).messages();
            assertThat(dead).extracting(Message::body).contains(body);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
