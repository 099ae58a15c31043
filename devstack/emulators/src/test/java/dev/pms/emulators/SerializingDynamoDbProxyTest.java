package dev.pms.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which DynamoDB operations the proxy lets run side by side; the race itself is DynamoDbConcurrencyIntegrationTest. */
class SerializingDynamoDbProxyTest {

    @Test
    void onlyKnownReadsShareTheLock() {
        for (String read : new String[] {"GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems", "DescribeTable"}) {
            assertThat(SerializingDynamoDbProxy.isReadOnly("DynamoDB_20120810." + read)).as(read).isTrue();
        }
        for (String write : new String[] {"PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem",
                "ExecuteStatement", "CreateTable", "UpdateTimeToLive", "SomethingNew"}) {
            assertThat(SerializingDynamoDbProxy.isReadOnly("DynamoDB_20120810." + write)).as(write).isFalse();
        }
        assertThat(SerializingDynamoDbProxy.isReadOnly(null)).isFalse();
        assertThat(SerializingDynamoDbProxy.isReadOnly("GetItem")).isFalse();
    }
}
