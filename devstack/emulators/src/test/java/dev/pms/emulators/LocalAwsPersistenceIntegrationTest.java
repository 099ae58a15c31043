package dev.pms.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;

/** {@code --data DIR}: DynamoDB snapshotted on close and restored on start, S3 on disk, queues re-created. */
class LocalAwsPersistenceIntegrationTest {

    @Test
    void dataSurvivesARestart(@TempDir Path dataDir) throws Exception {
        SamTemplate template = LocalAwsExtension.loadTemplate("classpath:local-aws-test-template.yaml");
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("USER#p"), "sk", AttributeValue.fromS("ITEM#1"));
        String table;
        String bucket;
        try (LocalAws first = LocalAws.start(dataDir)) {
            ProvisionedResources resources = TemplateProvisioner.provision(first, template, Map.of());
            table = resources.tableName("AppTable");
            bucket = resources.bucketName("MediaBucket");
            try (DynamoDbClient dynamoDb = first.dynamoDbClient(); S3Client s3 = first.s3Client()) {
                dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", key.get("pk"), "sk", key.get("sk"),
                        "tags", AttributeValue.fromSs(List.of("a", "b")),
                        "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("bin")),
                        "count", AttributeValue.fromN("7"))));
                s3.putObject(put -> put.bucket(bucket).key("kept.txt"), RequestBody.fromString("still here"));
            }
        }
        assertThat(dataDir.resolve("dynamodb/" + table + ".json")).exists();
        assertThat(Files.readString(dataDir.resolve("dynamodb/" + table + ".json"))).contains("USER#p");

        try (LocalAws second = LocalAws.start(dataDir)) {
            try (DynamoDbClient dynamoDb = second.dynamoDbClient(); S3Client s3 = second.s3Client();
                 SqsClient sqs = second.sqsClient()) {
                // restored before the template is provisioned again, with index definitions intact
                assertThat(dynamoDb.describeTable(d -> d.tableName(table)).table().globalSecondaryIndexes())
                        .extracting(index -> index.indexName()).containsExactly("gsi1");
                Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key)).item();
                assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
                assertThat(item.get("blob").b().asUtf8String()).isEqualTo("bin");
                assertThat(item.get("count").n()).isEqualTo("7");
                assertThat(s3.getObjectAsBytes(get -> get.bucket(bucket).key("kept.txt")).asString(StandardCharsets.UTF_8))
                        .isEqualTo("still here");

                ProvisionedResources resources = TemplateProvisioner.provision(second, template, Map.of());
                assertThat(sqs.listQueues().queueUrls()).contains(resources.queueUrl("JobsQueue"));
                assertThat(dynamoDb.getItem(get -> get.tableName(table).key(key)).hasItem()).isTrue();
            }
        }
    }
}
