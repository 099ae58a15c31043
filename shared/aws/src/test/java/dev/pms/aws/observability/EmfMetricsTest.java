package dev.pms.aws.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The EMF documents Powertools writes for the business metrics (AWS_EMF_ENVIRONMENT=Local: stdout, as in Lambda). */
class EmfMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anInvocationsMetricsGoOutAtItsEndOneDocumentPerDimensionSetUnderTheServiceAloneAndBrokenDown() throws Exception {
        EmfMetrics metrics = new EmfMetrics();

        List<JsonNode> documents = printed(() -> metrics.collect(() -> {
            metrics.assetGenerated("image", "offline-images", 420, new BigDecimal("0.04"));
            metrics.assetGenerated("image", "offline-images", 380, new BigDecimal("0.04"));
            metrics.assetFailed("video", "wavespeed");
            metrics.jobRedriven();
            return null;
        }));

        assertThat(documents).hasSize(3);
        JsonNode images = documents.get(0);
        JsonNode directive = images.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo(EmfMetrics.NAMESPACE);
        assertThat(directive.path("Dimensions").toString())
                .isEqualTo("[[\"Service\"],[\"Service\",\"AssetType\",\"Provider\"]]");
        assertThat(images.path("Service").asText()).isEqualTo(EmfMetrics.SERVICE);
        assertThat(images.path("AssetType").asText()).isEqualTo("image");
        assertThat(images.path("Provider").asText()).isEqualTo("offline-images");
        assertThat(images.path("AssetsGenerated").toString()).isEqualTo("[1.0,1.0]");
        assertThat(images.path("ProviderLatency").toString()).isEqualTo("[420.0,380.0]");
        assertThat(images.path("CostMicroUsd").toString()).isEqualTo("[40000.0,40000.0]");
        assertThat(documents.get(1).path("AssetsFailed").asDouble()).isEqualTo(1.0);
        assertThat(documents.get(1).path("Provider").asText()).isEqualTo("wavespeed");
        assertThat(documents.get(2).path("JobRedrives").asDouble()).isEqualTo(1.0);
        assertThat(documents.get(2).path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"Service\"]]");
    }

    @Test
    void outsideAnInvocationAMetricGoesOutAtOnce() throws Exception {
        EmfMetrics metrics = new EmfMetrics();

        List<JsonNode> documents = printed(() -> {
            metrics.auditVerdict("replace");
            return null;
        });

        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).path("AuditVerdicts").asDouble()).isEqualTo(1.0);
        assertThat(documents.get(0).path("Verdict").asText()).isEqualTo("replace");
    }

    private static List<JsonNode> printed(Supplier<Object> body) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            body.get();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> documents = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && line.contains("\"_aws\"")) {
                documents.add(JSON.readTree(line));
            }
        }
        return documents;
    }
}
