package dev.pms.devstack.eventsources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pms.devstack.functions.FunctionDefinition;
import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.ProvisionedResources;
import dev.pms.emulators.SamTemplate;
import dev.pms.emulators.TemplateException;
import dev.pms.emulators.TemplateProvisioner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsEventSourceMappingTest {

    private static List<SqsEventSourceMapping> mappingsOf(String eventProperties) {
        return mappingsOf(eventProperties, "Standard", "VisibilityTimeout: 30", "Timeout: 10");
    }

    private static List<SqsEventSourceMapping> mappingsOf(String eventProperties, String queue, String queueProperties,
                                                          String functionProperties) {
        String yaml = """
                Resources:
                  Standard:
                    Type: AWS::SQS::Queue
                    Properties:
                      %s
                  Ordered:
                    Type: AWS::SQS::Queue
                    Properties:
                      FifoQueue: true
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Worker
                      %s
                      Events:
                        Api:
                          Type: HttpApi
                          Properties:
                            Path: /x
                            Method: GET
                        Jobs:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt %s.Arn
                %s
                """.formatted(queueProperties, functionProperties, queue, eventProperties.indent(12).stripTrailing());
        SamTemplate template = SamTemplate.parse(yaml);
        ProvisionedResources resources = TemplateProvisioner.name(template,
                new IntrinsicResolver(template, Map.of(), null), "http://127.0.0.1:1");
        IntrinsicResolver resolver = new IntrinsicResolver(template, Map.of(), resources);
        return SqsEventSourceMapping.allOf(FunctionDefinition.allOf(template, resolver, resources), template, resolver,
                resources);
    }

    @Test
    void defaultsAreLambdas() {
        SqsEventSourceMapping mapping = mappingsOf("").get(0);

        assertThat(mapping.functionLogicalId()).isEqualTo("Worker");
        assertThat(mapping.eventName()).isEqualTo("Jobs");
        assertThat(mapping.queueLogicalId()).isEqualTo("Standard");
        assertThat(mapping.queueUrl()).isEqualTo("http://127.0.0.1:1/000000000000/pms-local-Standard");
        assertThat(mapping.batchSize()).isEqualTo(10);
        assertThat(mapping.maximumBatchingWindowSeconds()).isZero();
        assertThat(mapping.reportBatchItemFailures()).isFalse();
        assertThat(mapping.maximumConcurrency()).isEqualTo(SqsEventSourceMapping.DEFAULT_MAXIMUM_CONCURRENCY);
        assertThat(mapping.enabled()).isTrue();
        assertThat(mapping.fifo()).isFalse();
    }

    @Test
    void readsEverySupportedSetting() {
        SqsEventSourceMapping mapping = mappingsOf("""
                BatchSize: 100
                MaximumBatchingWindowInSeconds: 2
                FunctionResponseTypes: [ReportBatchItemFailures]
                Enabled: false
                ScalingConfig:
                  MaximumConcurrency: 3
                KmsKeyArn: arn:aws:kms:us-east-1:000000000000:key/ignored""").get(0);

        assertThat(mapping.batchSize()).isEqualTo(100);
        assertThat(mapping.receiveLimit()).isEqualTo(10);
        assertThat(mapping.maximumBatchingWindowSeconds()).isEqualTo(2);
        assertThat(mapping.reportBatchItemFailures()).isTrue();
        assertThat(mapping.maximumConcurrency()).isEqualTo(3);
        assertThat(mapping.enabled()).isFalse();
    }

    @Test
    void filterCriteriaFailsNamingTheFunctionAndProperty() {
        assertThatThrownBy(() -> mappingsOf("""
                FilterCriteria:
                  Filters:
                    - Pattern: '{"body": {"kind": ["video"]}}'"""))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Function Worker, event Jobs")
                .hasMessageContaining("FilterCriteria is not supported");
    }

    @Test
    void settingsLambdaRefusesFailAtStartUp() {
        assertThatThrownBy(() -> mappingsOf("BatchSize: 20"))
                .hasMessageContaining("BatchSize 20 needs MaximumBatchingWindowInSeconds of at least 1");
        assertThatThrownBy(() -> mappingsOf("BatchSize: 0")).hasMessageContaining("BatchSize must be 1..10000");
        assertThatThrownBy(() -> mappingsOf("FunctionResponseTypes: [Everything]"))
                .hasMessageContaining("FunctionResponseTypes must be [ReportBatchItemFailures]");
        assertThatThrownBy(() -> mappingsOf("ScalingConfig: {MaximumConcurrency: 1}"))
                .hasMessageContaining("ScalingConfig.MaximumConcurrency must be 2..1000");
        assertThatThrownBy(() -> mappingsOf("Topic: x")).hasMessageContaining("unknown property Topic");
        assertThatThrownBy(() -> mappingsOf("", "Standard", "VisibilityTimeout: 5", "Timeout: 6"))
                .hasMessageContaining("queue Standard has a VisibilityTimeout of 5 s, less than the function's Timeout of 6 s");
        assertThatThrownBy(() -> mappingsOf("MaximumBatchingWindowInSeconds: 1", "Ordered", "VisibilityTimeout: 30", "Timeout: 3"))
                .hasMessageContaining("MaximumBatchingWindowInSeconds is not supported for FIFO queues");
    }

    @Test
    void aFifoQueueIsConsumedWithItsOwnBatchLimit() {
        SqsEventSourceMapping mapping = mappingsOf("BatchSize: 10", "Ordered", "VisibilityTimeout: 30", "Timeout: 3").get(0);

        assertThat(mapping.fifo()).isTrue();
        assertThatThrownBy(() -> mappingsOf("BatchSize: 11", "Ordered", "VisibilityTimeout: 30", "Timeout: 3"))
                .hasMessageContaining("BatchSize (FIFO queue) must be 1..10");
    }
}
