package dev.pms.devstack.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Conformance: every case under src/test/resources/sfn-conformance runs on our engine and on moto_server
 * (LocalStack's engine), and both must reach the case's expected status, output and error/cause.
 * A case may carry {@code "moto": {"expected": ..., "note": ...}} where moto is documented to differ, or
 * {@code "status": "RUNNING"} in moto's block where moto keeps running what AWS ends at once (checked two
 * seconds after the start, then stopped).
 *
 * <p>Case fields: {@code definition}, {@code input}, optional {@code executionName} (default {@code run-1}),
 * {@code expected}: {@code status}, {@code output}, {@code error} and {@code cause} (JSON null: must be absent),
 * or {@code definitionError}: the code CreateStateMachine must refuse the definition with.
 */
class MotoConformanceIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/conformance";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STILL_RUNNING_AFTER = Duration.ofSeconds(2);

    private static StepFunctionsService ours;
    private static SfnClient oursClient;
    private static MotoServerProcess moto;
    private static SfnClient motoClient;

    record Case(String name, JsonNode spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException, URISyntaxException {
        Path directory = Path.of(MotoConformanceIntegrationTest.class.getResource("/sfn-conformance").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            return sorted.stream().map(f -> new Case(f.getFileName().toString().replace(".json", ""), read(f)));
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        ours = StepFunctionsService.start(0, null, new FakeTaskRuntime());
        oursClient = SfnTestSupport.client(ours.endpoint());
        Optional<String> unavailable = MotoServerProcess.unavailableReason();
        if (unavailable.isPresent()) {
            throw new IllegalStateException("moto_server is a prerequisite of the build (the devstack's DynamoDB runs on "
                    + "it too; .ci/run checks for it): " + unavailable.get());
        }
        moto = MotoServerProcess.start();
        motoClient = SfnTestSupport.client(moto.endpoint());
        System.out.println("moto conformance: moto_server running at " + moto.endpoint());
    }

    @AfterAll
    static void stop() {
        if (motoClient != null) {
            motoClient.close();
        }
        if (moto != null) {
            moto.close();
        }
        oursClient.close();
        ours.close();
    }

    @ParameterizedTest(name = "ours: {0}")
    @MethodSource("cases")
    void ourEngineReachesTheExpectedResult(Case conformanceCase) {
        check(oursClient, conformanceCase, conformanceCase.spec().get("expected"), false);
    }

    @ParameterizedTest(name = "moto: {0}")
    @MethodSource("cases")
    void motoReachesTheExpectedResult(Case conformanceCase) {
        JsonNode motoSpec = conformanceCase.spec().path("moto");
        JsonNode expected = motoSpec.has("expected") ? motoSpec.get("expected")
                : conformanceCase.spec().get("expected");
        check(motoClient, conformanceCase, expected, true);
    }

    private static void check(SfnClient client, Case conformanceCase, JsonNode expected, boolean moto) {
        String definition = conformanceCase.spec().get("definition").toString();
        String machineName = "conf-" + conformanceCase.name();
        if (expected.has("definitionError")) {
            assertThatThrownBy(() -> client.createStateMachine(b -> b.name(machineName).roleArn(ROLE)
                    .definition(definition)))
                    .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .as(e.getMessage()).isEqualTo(expected.get("definitionError").asText()));
            return;
        }
        String machineArn = client.createStateMachine(b -> b.name(machineName).roleArn(ROLE)
                .definition(definition)).stateMachineArn();
        String executionArn = client.startExecution(b -> b.stateMachineArn(machineArn)
                .name(conformanceCase.spec().path("executionName").asText("run-1"))
                .input(conformanceCase.spec().get("input").toString())).executionArn();
        if (expected.path("status").asText().equals("RUNNING")) {
            LockSupport.parkNanos(STILL_RUNNING_AFTER.toNanos());
            assertThat(client.describeExecution(b -> b.executionArn(executionArn)).statusAsString())
                    .isEqualTo("RUNNING");
            client.stopExecution(b -> b.executionArn(executionArn));
            return;
        }
        assertMatches(SfnTestSupport.awaitEnd(client, executionArn, TIMEOUT), expected, moto);
    }

    private static void assertMatches(DescribeExecutionResponse result, JsonNode expected, boolean moto) {
        String describe = "status=" + result.statusAsString() + " output=" + result.output() + " error="
                + result.error() + " cause=" + result.cause();
        assertThat(result.statusAsString()).as(describe).isEqualTo(expected.get("status").asText());
        if (expected.has("output")) {
            assertThat(parseOutput(result.output(), moto)).as(describe).isEqualTo(expected.get("output"));
        }
        for (String field : new String[]{"error", "cause"}) {
            if (expected.has(field)) {
                String actual = field.equals("error") ? result.error() : result.cause();
                JsonNode wanted = expected.get(field);
                assertThat(actual).as(describe).isEqualTo(wanted.isNull() ? null : wanted.asText());
            }
        }
    }

    /** moto returns a string result unquoted (AWS quotes it), so a non-JSON moto output is read as a string. */
    private static JsonNode parseOutput(String output, boolean moto) {
        try {
            return JSON.readTree(output);
        } catch (IOException e) {
            if (moto) {
                return TextNode.valueOf(output);
            }
            throw new AssertionError("output is not JSON: " + output, e);
        }
    }
}
