package dev.pms.devstack.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.SamTemplate;
import dev.pms.emulators.TemplateProvisioner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Function definitions from a template and the exact properties each function's context gets. */
class FunctionRegistryTest {

    private static final SamTemplate TEMPLATE = SamTemplate.parse("""
            Globals:
              Function:
                Timeout: 9
                Environment:
                  Variables:
                    TABLE_NAME: !Ref AppTable
                    LOG_LEVEL: info
            Resources:
              AppTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: app
              Machine:
                Type: AWS::Serverless::StateMachine
              CreateBlueprintFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.pms.functions.blueprint.CampaignsHandler
                  MemorySize: 2048
                  Environment:
                    Variables:
                      LOG_LEVEL: debug
                      STATE_MACHINE_ARN: !Ref Machine
              WorkerFunction:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: worker
                  Handler: dev.pms.Worker::handle
            """);

    private static List<FunctionDefinition> definitions() {
        IntrinsicResolver naming = new IntrinsicResolver(TEMPLATE, Map.of(), null);
        var resources = TemplateProvisioner.name(TEMPLATE, naming, "http://sqs");
        return FunctionDefinition.allOf(TEMPLATE, naming.withResources(resources), resources);
    }

    @Test
    void readsHandlersMemoryTimeoutAndMergedEnvironment() {
        FunctionDefinition create = definitions().get(0);
        assertThat(create.handlerClass()).isEqualTo("dev.pms.functions.blueprint.CampaignsHandler");
        assertThat(create.handlerMethod()).isNull();
        assertThat(create.memorySizeMb()).isEqualTo(2048);
        assertThat(create.timeoutSeconds()).isEqualTo(9);
        assertThat(create.functionName()).isEqualTo("pms-local-CreateBlueprintFunction");
        assertThat(create.environment()).isEqualTo(Map.of("TABLE_NAME", "app", "LOG_LEVEL", "debug",
                "STATE_MACHINE_ARN", "arn:aws:states:us-east-1:000000000000:stateMachine:pms-local-Machine"));
        FunctionDefinition worker = definitions().get(1);
        assertThat(worker.handlerClass()).isEqualTo("dev.pms.Worker");
        assertThat(worker.handlerMethod()).isEqualTo("handle");
        assertThat(worker.memorySizeMb()).isEqualTo(128);
        assertThat(worker.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:worker");
    }

    @Test
    void propertiesAreTheEnvironmentTwiceThenTheLocalAwsThenAddedServices() {
        FunctionRegistry registry = new FunctionRegistry(definitions(), Map.of("aws.region", "us-east-1"));
        registry.addFunctionProperties(Map.of("aws.services.sfn.endpoint-override", "http://127.0.0.1:1234"));
        assertThat(registry.get("WorkerFunction").properties()).isEqualTo(Map.of(
                "TABLE_NAME", "app", "table.name", "app",
                "LOG_LEVEL", "info", "log.level", "info",
                "aws.region", "us-east-1",
                "aws.services.sfn.endpoint-override", "http://127.0.0.1:1234",
                "micronaut.application.name", "WorkerFunction"));
        assertThat(registry.get("CreateBlueprintFunction").properties())
                .containsEntry("log.level", "debug")
                .containsEntry("state.machine.arn", "arn:aws:states:us-east-1:000000000000:stateMachine:pms-local-Machine");
    }

    @Test
    void findsFunctionsByLogicalIdNameOrArn() {
        FunctionRegistry registry = new FunctionRegistry(definitions(), Map.of());
        assertThat(registry.find("worker")).map(InProcessFunction::logicalId).contains("WorkerFunction");
        assertThat(registry.find("arn:aws:lambda:us-east-1:000000000000:function:worker:live"))
                .map(InProcessFunction::logicalId).contains("WorkerFunction");
        assertThat(registry.find("CreateBlueprintFunction")).isPresent();
        assertThat(registry.find("nope")).isEmpty();
        assertThat(registry.get("WorkerFunction").isWarm()).isFalse();
        assertThatThrownBy(() -> registry.get("WorkerFunction").invoke(Map.of()))
                .hasMessageContaining("dev.pms.Worker").hasMessageContaining("not on the classpath");
        assertThat(FunctionRegistry.micronautName("AWS_ENDPOINT_URL_S3")).isEqualTo("aws.endpoint.url.s3");
    }

    @Test
    void beansAddedBeforeTheFirstInvocationAreInTheFunctionsContext() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  BeanFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.pms.devstack.testfunctions.ContextBeanHandler
                """);
        IntrinsicResolver naming = new IntrinsicResolver(template, Map.of(), null);
        var resources = TemplateProvisioner.name(template, naming, "http://sqs");
        try (FunctionRegistry registry = new FunctionRegistry(
                FunctionDefinition.allOf(template, naming.withResources(resources), resources), Map.of())) {
            registry.addFunctionBeans(new StringBuilder("metered"));
            assertThat(registry.get("BeanFunction").invoke("anything")).isEqualTo("metered");
        }
    }
}
