package dev.pms.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** moto applies conditional writes without a lock; through {@link LocalAws} they must never overshoot. */
@ExtendWith(LocalAwsExtension.class)
@LocalAwsTemplate("classpath:local-aws-test-template.yaml")
class DynamoDbConcurrencyIntegrationTest {

    private static final int THREADS = 20;
    private static final int ATTEMPTS_PER_THREAD = 10;
    private static final int MAX_BEFORE_ADD = 99;

    @Test
    void concurrentConditionalAddsNeverOvershootTheLimit(LocalAws localAws, ProvisionedResources resources)
            throws Exception {
        String table = resources.tableName("CountersTable");
        try (DynamoDbClient dynamoDb = localAws.dynamoDbClient()) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("USER#race"),
                    "sk", AttributeValue.fromS("USAGE#2026-11"));
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                    "pk", key.get("pk"), "sk", key.get("sk"), "used", AttributeValue.fromN("0"))));
            // limit 100: the condition admits an ADD while used <= 99; 200 attempts compete for 100 units
            UpdateItemRequest addOne = UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key)
                    .updateExpression("ADD used :n")
                    .conditionExpression("used <= :max")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"),
                            ":max", AttributeValue.fromN(Integer.toString(MAX_BEFORE_ADD))))
                    .build();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> results = new ArrayList<>();
            try {
                for (int thread = 0; thread < THREADS; thread++) {
                    Callable<Integer> worker = () -> {
                        int succeeded = 0;
                        for (int attempt = 0; attempt < ATTEMPTS_PER_THREAD; attempt++) {
                            try {
                                dynamoDb.updateItem(addOne);
                                succeeded++;
                            } catch (ConditionalCheckFailedException expected) {
                                // the limit was reached
                            }
                        }
                        return succeeded;
                    };
                    results.add(pool.submit(worker));
                }
                int succeeded = 0;
                for (Future<Integer> result : results) {
                    succeeded += result.get(60, TimeUnit.SECONDS);
                }
                String used = dynamoDb.getItem(get -> get.tableName(table).key(key).consistentRead(true))
                        .item().get("used").n();
                assertThat(succeeded).isEqualTo(MAX_BEFORE_ADD + 1);
                assertThat(Integer.parseInt(used)).isEqualTo(MAX_BEFORE_ADD + 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
