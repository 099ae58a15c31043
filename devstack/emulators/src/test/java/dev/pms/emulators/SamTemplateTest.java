package dev.pms.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Template parsing and intrinsic resolution, without any emulator. */
class SamTemplateTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
              JwtIssuer:
                Type: String
              Zones:
                Type: CommaDelimitedList
                Default: "a,b"
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsNotProd: !Not [!Condition IsProd]
              Both: !And [!Condition IsNotProd, !Equals [x, x]]
              Either: !Or [!Condition IsProd, !Condition Both]
            Mappings:
              Sizes:
                dev: { Memory: 512 }
            Globals:
              Function:
                Runtime: java21
                Environment:
                  Variables:
                    TABLE_NAME: !Ref AppTable
            Resources:
              AppTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
              MediaBucket:
                Type: AWS::S3::Bucket
              Dlq:
                Type: AWS::SQS::Queue
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy: { deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 3 }
              ProdOnly:
                Type: AWS::SQS::Queue
                Condition: IsProd
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.pms.Some::handleRequest
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: !Sub "${AWS::StackName}-machine"
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: 2012-10-17
              Samples:
                Type: Custom::Samples
                Properties:
                  Sub: !Sub "arn:${AWS::Partition}:s3:::${MediaBucket}/*"
                  SubWithVars: !Sub
                    - "${Name}-${Stage}-${!Literal}"
                    - Name: !GetAtt Jobs.QueueName
                  GetAttList: !GetAtt [Jobs, QueueUrl]
                  Join: !Join ["/", [!Ref AWS::Region, !Ref AWS::AccountId, !GetAtt AppTable.Arn]]
                  If: !If [IsProd, prod-value, !Ref AWS::NoValue]
                  IfElse: !If [IsNotProd, !Ref Stage, other]
                  Select: !Select [1, !Split [",", "x,y,z"]]
                  FindInMap: !FindInMap [Sizes, !Ref Stage, Memory]
                  Either: !If [Either, yes-either, no-either]
                  List: [!Ref MediaBucket, !Ref AWS::NoValue, !Ref Machine]
                  Zone: !Select [0, !Ref Zones]
                  Base64: !Base64 hi
                  Function: !GetAtt Fn.Arn
            """;

    private final SamTemplate template = SamTemplate.parse(TEMPLATE);

    private IntrinsicResolver resolver(Map<String, String> overrides) {
        IntrinsicResolver naming = new IntrinsicResolver(template, overrides, null);
        return naming.withResources(TemplateProvisioner.name(template, naming, "http://127.0.0.1:9324"));
    }

    @Test
    void readsShortTagsAsLongForms() {
        Map<String, Object> samples = template.resource("Samples").properties();
        assertThat(samples.get("GetAttList")).isEqualTo(Map.of("Fn::GetAtt", List.of("Jobs", "QueueUrl")));
        assertThat(samples.get("Function")).isEqualTo(Map.of("Fn::GetAtt", List.of("Fn", "Arn")));
        assertThat(samples.get("Base64")).isEqualTo(Map.of("Fn::Base64", "hi"));
        assertThat(template.conditions().get("IsNotProd"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))));
        assertThat(template.globalsFor("Function")).containsEntry("Runtime", "java21");
        assertThat(template.resource("Role").properties().get("AssumeRolePolicyDocument"))
                .isEqualTo(Map.of("Version", "2012-10-17"));
    }

    @Test
    void acceptsEveryShortTag() {
        StringBuilder yaml = new StringBuilder("Resources:\n  X:\n    Type: Custom::X\n    Properties:\n");
        for (String tag : SamTemplate.SHORT_FUNCTION_TAGS) {
            yaml.append("      P").append(tag).append(": !").append(tag).append(" [a, b]\n");
        }
        yaml.append("      PRef: !Ref a\n      PCondition: !Condition c\n");
        Map<String, Object> properties = SamTemplate.parse(yaml.toString()).resource("X").properties();
        for (String tag : SamTemplate.SHORT_FUNCTION_TAGS) {
            assertThat(properties.get("P" + tag)).isEqualTo(Map.of("Fn::" + tag, List.of("a", "b")));
        }
        assertThat(properties.get("PRef")).isEqualTo(Map.of("Ref", "a"));
        assertThat(properties.get("PCondition")).isEqualTo(Map.of("Condition", "c"));
    }

    @Test
    void exposesParametersWithDefaults() {
        assertThat(template.parameters().get("Stage").defaultValue()).isEqualTo("dev");
        assertThat(template.parameters().get("Stage").allowedValues()).containsExactly("dev", "prod");
        assertThat(template.parameters().get("JwtIssuer").defaultValue()).isNull();
    }

    @Test
    void resolvesIntrinsics() {
        IntrinsicResolver resolver = resolver(Map.of());
        Map<String, Object> samples = SamTemplate.asMap(
                resolver.resolve(template.resource("Samples").properties(), "Samples"), "Samples");
        assertThat(samples.get("Sub")).isEqualTo("arn:aws:s3:::pms-local-mediabucket/*");
        assertThat(samples.get("SubWithVars")).isEqualTo("pms-local-Jobs-dev-${Literal}");
        assertThat(samples.get("GetAttList")).isEqualTo("http://127.0.0.1:9324/000000000000/pms-local-Jobs");
        assertThat(samples.get("Join"))
                .isEqualTo("us-east-1/000000000000/arn:aws:dynamodb:us-east-1:000000000000:table/pms-local-AppTable");
        assertThat(samples).doesNotContainKey("If");
        assertThat(samples.get("IfElse")).isEqualTo("dev");
        assertThat(samples.get("Select")).isEqualTo("y");
        assertThat(samples.get("FindInMap")).isEqualTo(512);
        assertThat(samples.get("Either")).isEqualTo("yes-either");
        assertThat(samples.get("List")).isEqualTo(List.of("pms-local-mediabucket",
                "arn:aws:states:us-east-1:000000000000:stateMachine:pms-local-machine"));
        assertThat(samples.get("Zone")).isEqualTo("a");
        assertThat(samples.get("Base64")).isEqualTo("aGk=");
        assertThat(samples.get("Function")).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:pms-local-Fn");
        assertThat(resolver.resolve(template.resource("Jobs").properties(), "Jobs"))
                .isEqualTo(Map.of("RedrivePolicy", Map.of("deadLetterTargetArn",
                        "arn:aws:sqs:us-east-1:000000000000:pms-local-Dlq", "maxReceiveCount", 3)));
        assertThatThrownBy(() -> resolver.resolveString(template.globalsFor("Function").get("Environment"), "Env"))
                .hasMessageContaining("Env must resolve to a string");
    }

    @Test
    void parameterOverridesWinAndConditionsFollow() {
        IntrinsicResolver resolver = resolver(Map.of("Stage", "prod", "JwtIssuer", "https://issuer"));
        assertThat(resolver.condition("IsProd")).isTrue();
        assertThat(resolver.resolveString(Map.of("Ref", "JwtIssuer"), "x")).isEqualTo("https://issuer");
        assertThat(resolver.resolveString(Map.of("Fn::If", List.of("IsProd", "p", "d")), "x")).isEqualTo("p");
        assertThat(TemplateProvisioner.name(template, resolver, "http://q").find("ProdOnly")).isPresent();
        assertThat(TemplateProvisioner.name(template, resolver(Map.of()), "http://q").find("ProdOnly")).isEmpty();
    }

    @Test
    void pseudoParameters() {
        IntrinsicResolver resolver = resolver(Map.of());
        assertThat(resolver.resolveString(Map.of("Fn::Sub",
                "${AWS::Region}|${AWS::AccountId}|${AWS::StackName}|${AWS::Partition}|${AWS::URLSuffix}"), "x"))
                .isEqualTo("us-east-1|000000000000|pms-local|aws|amazonaws.com");
    }

    @Test
    void failuresNameTheResourceAndProperty() {
        IntrinsicResolver resolver = resolver(Map.of());
        assertThatThrownBy(() -> resolver.resolve(Map.of("Ref", "JwtIssuer"), "Resources.Fn.Properties.Environment"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("JwtIssuer").hasMessageContaining("no Default");
        assertThatThrownBy(() -> resolver.resolve(Map.of("Fn::GetAtt", List.of("AppTable", "StreamArn")),
                "Resources.Fn.Properties.Policies"))
                .hasMessageContaining("Resources.Fn.Properties.Policies")
                .hasMessageContaining("AppTable").hasMessageContaining("StreamArn").hasMessageContaining("Arn");
        assertThatThrownBy(() -> resolver.resolve(Map.of("Ref", "Role"), "Resources.X.Properties.Y"))
                .hasMessageContaining("Resources.X.Properties.Y").hasMessageContaining("AWS::IAM::Role");
        assertThatThrownBy(() -> resolver.resolve(Map.of("Ref", "Nothing"), "Resources.X.Properties.Y"))
                .hasMessageContaining("Nothing").hasMessageContaining("neither a parameter nor a resource");
        assertThatThrownBy(() -> resolver.resolve(Map.of("Fn::ImportValue", "shared"), "Resources.X.Properties.Z"))
                .hasMessageContaining("Resources.X.Properties.Z").hasMessageContaining("Fn::ImportValue");
        assertThatThrownBy(() -> resolver.resolve(Map.of("Fn::Sub", "${Missing.Arn}"), "Resources.X.Properties.S"))
                .hasMessageContaining("Missing");
        assertThatThrownBy(() -> SamTemplate.parse("Resources:\n  A: {Properties: {}}\n"))
                .hasMessageContaining("Resources.A has no Type");
        assertThatThrownBy(() -> SamTemplate.parse("Parameters: {}\n")).hasMessageContaining("no Resources");
    }

    @Test
    void findsTheTemplateWalkingUp(@TempDir Path root) throws Exception {
        Path nested = Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve("a/template.yaml"), "Resources: {}\n");
        assertThat(SamTemplate.findUpwards(nested)).contains(root.resolve("a/template.yaml"));
    }
}
