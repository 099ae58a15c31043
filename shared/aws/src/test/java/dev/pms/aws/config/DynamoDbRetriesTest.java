package dev.pms.aws.config;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DynamoDB client the factory builds, against a stub endpoint that answers every call with one error. */
class DynamoDbRetriesTest {
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;
    private volatile int status;
    private volatile String errorType;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType + "\",\"message\":\"refused\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DynamoDbClient client() {
        return new AwsClientsFactory("us-east-1", "test", "test")
                .dynamoDbClient("http://127.0.0.1:" + server.getAddress().getPort(), List.of());
    }

    @Test
    void aValidationExceptionIsNotRetriedEvenWhenAnsweredAsAServerFault() {
        for (int answer : new int[]{400, 500}) {
            calls.set(0);
            status = answer;
            errorType = "ValidationException";
            try (DynamoDbClient dynamo = client()) {
                assertThatThrownBy(() -> dynamo.getItem(get -> get.tableName("t")))
                        .isInstanceOf(DynamoDbException.class);
                assertThat(calls.get()).as("HTTP " + answer).isEqualTo(1);
            }
        }
    }

    @Test
    void serverFaultsAndThrottlingAreRetriedABoundedNumberOfTimes() {
        status = 500;
        errorType = "InternalServerError";
        try (DynamoDbClient dynamo = client()) {
            assertThatThrownBy(() -> dynamo.getItem(get -> get.tableName("t"))).isInstanceOf(DynamoDbException.class);
        }
        assertThat(calls.get()).isEqualTo(DynamoDbRetries.MAX_ATTEMPTS);

        calls.set(0);
        status = 400;
        errorType = "ProvisionedThroughputExceededException";
        try (DynamoDbClient dynamo = client()) {
            assertThatThrownBy(() -> dynamo.getItem(get -> get.tableName("t"))).isInstanceOf(DynamoDbException.class);
        }
        assertThat(calls.get()).isEqualTo(DynamoDbRetries.MAX_ATTEMPTS);
    }
}
