package dev.pms.aws.observability;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.core.media.UserKeys;
import dev.pms.core.observability.OperationalMetrics;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions' log as CloudWatch gets it: the real log4j2.xml layout (Powertools' JSON), the real message factory,
 * the handler wrapper's context and correlation ids, and what must never be written.
 */
class StructuredLoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger(StructuredLoggingTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter written = new StringWriter();
    private Appender capture;

    @BeforeEach
    void captureTheJsonLayout() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        Appender console = configuration.getAppender("JsonAppender");
        assertThat(console).as("log4j2.xml of shared/aws is the configuration in force").isNotNull();
        capture = WriterAppender.newBuilder().setName("capture").setTarget(written)
                .setLayout(console.getLayout()).build();
        capture.start();
        configuration.getLoggerConfig("dev.pms").addAppender(capture, null, null);
        configuration.getRootLogger().addAppender(capture, null, null);
    }

    @AfterEach
    void release() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getLoggerConfig("dev.pms").removeAppender("capture");
        logging.getConfiguration().getRootLogger().removeAppender("capture");
        capture.stop();
    }

    @Test
    void everyLineCarriesTheFunctionTheRequestTheColdStartAndTheCorrelationIdsButTheUserOnlyAsAHash() throws Exception {
        FunctionTelemetry telemetry = new FunctionTelemetry("ProviderWorkerFunction", OperationalMetrics.NONE, true);

        for (String requestId : List.of("req-1", "req-2")) {
            telemetry.around(new StubContext("ProviderWorkerFunction", requestId), () -> {
                try (LogCorrelation ids = LogCorrelation.start().user("alice@example.com")
                        .with(LogCorrelation.CAMPAIGN_ID, "cmp-7").with(LogCorrelation.ASSET_ID, "asset-9")
                        .with(LogCorrelation.JOB_ID, "msg-3")) {
                    LOG.info("job READY");
                }
                return null;
            });
        }

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0);
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(first.path("message").asText()).isEqualTo("job READY");
        assertThat(first.path("function_name").asText()).isEqualTo("ProviderWorkerFunction");
        assertThat(first.path("function_request_id").asText()).isEqualTo("req-1");
        assertThat(first.path("cold_start").asText()).isEqualTo("true");
        assertThat(first.path("campaign_id").asText()).isEqualTo("cmp-7");
        assertThat(first.path("asset_id").asText()).isEqualTo("asset-9");
        assertThat(first.path("job_id").asText()).isEqualTo("msg-3");
        assertThat(first.path("user_hash").asText()).isEqualTo(UserKeys.userHash("alice@example.com"));
        assertThat(first.path("timestamp").asText()).isNotBlank();
        assertThat(lines.get(1).path("cold_start").asText()).isEqualTo("false");
        assertThat(lines.get(1).path("function_request_id").asText()).isEqualTo("req-2");
        assertThat(written.toString()).doesNotContain("alice");
    }

    @Test
    void correlationIdsEndWithTheInvocation() throws Exception {
        FunctionTelemetry telemetry = new FunctionTelemetry("CampaignsFunction", OperationalMetrics.NONE, true);
        telemetry.around(new StubContext("CampaignsFunction", "r1"), () -> {
            LogCorrelation.start().with(LogCorrelation.CAMPAIGN_ID, "cmp-1");
            return null;
        });
        telemetry.around(new StubContext("CampaignsFunction", "r2"), () -> {
            LOG.info("health");
            return null;
        });

        assertThat(lines().get(0).has("campaign_id")).isFalse();
    }

    @Test
    void tokensKeysAndPresignedUrlSignaturesNeverReachTheLog() throws Exception {
        String presigned = "https://media.s3.amazonaws.com/assets/ab12/c1/a1?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261203%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20261203T120000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
        String apiKey = "sk-proj-4f9a8b7c6d5e4f3a2b1c";
        String taskToken = "AQCEAAAAKgAAAAMAAAAAAAAAAb3kVx";

        LOG.info("uploading to {}", presigned);
        LOG.warn("provider answered 401 for Authorization: Bearer {}", jwt);
        LOG.error("openai call failed with api_key={} and task_token: {}", apiKey, taskToken);
        System.getLogger("dev.pms.core.Example").log(System.Logger.Level.WARNING, "token " + jwt + " refused");

        String log = written.toString();
        assertThat(log).doesNotContain("0f1e2d3c4b5a6978", "AKIAIOSFODNN7EXAMPLE", jwt, "eyJzdWIi", apiKey, taskToken);
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).path("message").asText())
                .startsWith("uploading to https://media.s3.amazonaws.com/assets/ab12/c1/a1?")
                .contains("X-Amz-Signature=" + LogRedaction.MASK, "X-Amz-Credential=" + LogRedaction.MASK,
                        "X-Amz-Expires=900");
        assertThat(lines.get(1).path("message").asText()).endsWith("Bearer " + LogRedaction.MASK);
        assertThat(lines.get(2).path("message").asText())
                .isEqualTo("openai call failed with api_key=" + LogRedaction.MASK + " and task_token: " + LogRedaction.MASK);
        assertThat(lines.get(3).path("message").asText()).isEqualTo("token " + LogRedaction.MASK + " refused");
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : written.toString().split("\n")) {
            if (!line.isBlank()) {
                parsed.add(JSON.readTree(line));
            }
        }
        return parsed;
    }

    /** The Lambda context the runtime would pass. */
    record StubContext(String functionName, String requestId) implements Context {
        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "2026/12/03/[$LATEST]0123";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 29_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
