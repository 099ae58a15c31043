package dev.pms.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pms.devstack.auth.LocalJwtIssuer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import dev.pms.devstack.auth.JwtAuthorizer;

/** A Devstack of its own: {@code --data} across a restart, and the seam where Step Functions plugs in. */
class DevstackLifecycleIntegrationTest {

    /** Stands in for the Step Functions engine. */
    private static final class FakeStepFunctions implements LocalService {
        final AtomicBoolean closed = new AtomicBoolean();
        LocalServiceFactory.Context startedWith;

        @Override
        public String name() {
            return "stepfunctions";
        }

        @Override
        public URI endpoint() {
            return URI.create("http://127.0.0.1:9");
        }

        @Override
        public Map<String, String> functionProperties() {
            return Map.of("aws.services.sfn.endpoint-override", endpoint().toString());
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static Path testTemplate() throws URISyntaxException {
        return Path.of(DevstackLifecycleIntegrationTest.class.getResource("/devstack-test-template.yaml").toURI());
    }

    @Test
    void keepsDataAndKeyAcrossARestartAndWiresExtraServices(@TempDir Path data) throws Exception {
        FakeStepFunctions stepFunctions = new FakeStepFunctions();
        DevstackOptions options = DevstackOptions.defaults().withDataDir(data).withTemplate(testTemplate())
                .withService(context -> {
                    stepFunctions.startedWith = context;
                    return stepFunctions;
                });
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("USER#kept"), "sk", AttributeValue.fromS("A"));
        String firstToken;
        try (Devstack devstack = Devstack.start(options)) {
            assertThat(devstack.endpoints()).containsEntry("stepfunctions", "http://127.0.0.1:9");
            assertThat(devstack.functions().get("EchoFunction").properties())
                    .containsEntry("aws.services.sfn.endpoint-override", "http://127.0.0.1:9");
            assertThat(stepFunctions.startedWith.functions().find("pms-local-OtherFunction")).isPresent();
            assertThat(stepFunctions.startedWith.resources().tableName("AppTable")).isEqualTo("pms-local-AppTable");
            assertThat(data.resolve(LocalJwtIssuer.KEY_FILE_NAME)).exists();
            firstToken = devstack.tokenFor("alice");
            try (DynamoDbClient dynamoDb = devstack.localAws().dynamoDbClient()) {
                dynamoDb.putItem(put -> put.tableName("pms-local-AppTable").item(key));
            }
        }
        assertThat(stepFunctions.closed).isTrue();
        assertThat(Files.list(data.resolve("dynamodb")).map(path -> path.getFileName().toString()))
                .contains("pms-local-AppTable.json");

        try (Devstack again = Devstack.start(options.withPort(0))) {
            try (DynamoDbClient dynamoDb = again.localAws().dynamoDbClient()) {
                assertThat(dynamoDb.getItem(get -> get.tableName("pms-local-AppTable").key(key)).hasItem()).isTrue();
            }
            assertThat(JwtAuthorizer.forLocalIssuer(again.jwtIssuer())
                    .authorize("Bearer " + firstToken).authorized()).isTrue();
        }
    }
}
