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

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance: every case under src/test/resources/sfn-conformance runs on our engine and on moto_server
 * (LocalStack's engine), and both must reach the case's expected status, output and error/cause.
 * A case may carry {@code "moto": {"expected": ..., "note": ...}} where moto is documented to differ.
 */
class MotoConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/conformance";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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
        Path directory = Path.of(MotoConformanceTest.class.getResource("/sfn-conformance").toURI());
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
        DescribeExecutionResponse result = runOn(oursClient, conformanceCase);
        assertMatches(result, conformanceCase.spec().get("expected"), false);
    }

    @ParameterizedTest(name = "moto: {0}")
    @MethodSource("cases")
    void motoReachesTheExpectedResult(Case conformanceCase) {
        JsonNode motoSpec = conformanceCase.spec().path("moto");
        JsonNode expected = motoSpec.has("expected") ? motoSpec.get("expected") : conformanceCase.spec().get("expected");
        DescribeExecutionResponse result = runOn(motoClient, conformanceCase);
        assertMatches(result, expected, true);
    }

    private static DescribeExecutionResponse runOn(SfnClient client, Case conformanceCase) {
        String machineArn = client.createStateMachine(b -> b.name("conf-" + conformanceCase.name()).roleArn(ROLE)
                .definition(conformanceCase.spec().get("definition").toString())).stateMachineArn();
        String executionArn = client.startExecution(b -> b.stateMachineArn(machineArn).name("run-1")
                .input(conformanceCase.spec().get("input").toString())).executionArn();
        return SfnTestSupport.awaitEnd(client, executionArn, TIMEOUT);
    }

    private static void assertMatches(DescribeExecutionResponse result, JsonNode expected, boolean moto) {
        String describe = "status=" + result.statusAsString() + " output=" + result.output() + " error="
                + result.error() + " cause=" + result.cause();
        assertThat(result.statusAsString()).as(describe).isEqualTo(expected.get("status").asText());
        if (expected.has("output")) {
            assertThat(parseOutput(result.output(), moto)).as(describe).isEqualTo(expected.get("output"));
        }
        if (expected.has("error")) {
            assertThat(result.error()).as(describe).isEqualTo(expected.get("error").asText());
        }
        if (expected.has("cause")) {
            assertThat(result.cause()).as(describe).isEqualTo(expected.get("cause").asText());
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
