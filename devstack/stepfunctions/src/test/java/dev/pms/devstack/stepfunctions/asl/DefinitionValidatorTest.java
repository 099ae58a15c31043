package dev.pms.devstack.stepfunctions.asl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinitionValidatorTest {

    private static void rejected(String definition, String messagePart) {
        assertThatThrownBy(() -> DefinitionValidator.parseAndCheck(definition))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining(messagePart);
    }

    @Test
    void acceptsTheSupportedFeatures() {
        assertThatCode(() -> DefinitionValidator.parseAndCheck("""
                {"StartAt":"T","TimeoutSeconds":60,"States":{
                 "T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                   "Parameters":{"QueueUrl":"q","MessageBody":{"t.$":"$$.Task.Token"}},"HeartbeatSeconds":5,
                   "TimeoutSeconds":60,"Retry":[{"ErrorEquals":["States.Timeout"],"JitterStrategy":"FULL",
                   "MaxDelaySeconds":5}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"M"}],"Next":"M"},
                 "M":{"Type":"Map","ItemsPath":"$.xs","MaxConcurrency":2,
                   "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
                   "Next":"W"},
                 "W":{"Type":"Wait","SecondsPath":"$.s","Next":"F"},
                 "F":{"Type":"Fail","ErrorPath":"$.e","Cause":"c"}}}""")).doesNotThrowAnyException();
    }

    @Test
    void namesUnsupportedFeatures() {
        rejected("{\"QueryLanguage\":\"JSONPointer\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}",
                "JSONPath or JSONata");
        rejected("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject"},
                 "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "ItemReader");
        rejected("""
                {"StartAt":"M","States":{"M":{"Type":"Map",
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "DISTRIBUTED");
        rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::ecs:runTask.sync\",\"End\":true}}}",
                "ecs:runTask.sync");
    }

    @Test
    void rejectsStructuralMistakes() {
        rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}", "Nowhere");
        rejected("{\"StartAt\":\"B\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}", "StartAt");
        rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}", "Next or End");
        rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Bogus\":1,\"End\":true}}}", "Bogus");
        rejected("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters":{"QueueUrl":"q","MessageBody":"no token"},"End":true}}}""", "$$.Task.Token");
        rejected("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Parameters":{"FunctionName":"f"},"Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],
                 "End":true}}}""", "States.ALL");
        rejected("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"End\":true}}}", "Seconds");
        rejected("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a\",\"Next\":\"C\"}]}}}",
                "comparison operator");
        rejected("not json", "MALFORMED_JSON");
    }

    @Test
    void checksQueryLanguagesAndVariables() {
        assertThatCode(() -> DefinitionValidator.parseAndCheck("""
                {"QueryLanguage":"JSONata","StartAt":"C","States":{
                 "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.ok %}","Next":"T",
                   "Assign":{"route":"ok"},"Output":{"a":1}}],"Default":"T"},
                 "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f"},
                   "TimeoutSeconds":"{% 5 %}","Catch":[{"ErrorEquals":["States.ALL"],"Output":"{% $states.errorOutput %}",
                   "Assign":{"err":"{% $states.errorOutput.Error %}"},"Next":"M"}],"Next":"M"},
                 "M":{"Type":"Map","Items":"{% [1,2] %}","ItemSelector":{"i":"{% $states.context.Map.Item.Index %}"},
                   "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input %}","End":true}}},
                   "End":true}}}""")).doesNotThrowAnyException();
        rejected("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                + "\"InputPath\":\"$.a\",\"End\":true}}}", "a JSONPath field");
        rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Output\":1,\"End\":true}}}",
                "a JSONata field");
        rejected("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                + "\"QueryLanguage\":\"JSONPath\",\"End\":true}}}", "cannot use JSONPath");
        rejected("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                + "\"Choices\":[{\"Variable\":\"$.a\",\"IsPresent\":true,\"Next\":\"C\"}]}}}", "use Condition");
        rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Assign\":{\"1x\":1},\"End\":true}}}",
                "not a valid variable name");
        rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Assign\":{\"states\":1},\"End\":true}}}",
                "not a valid variable name");
        rejected("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":100000000,\"End\":true}}}",
                "Maximum value is 99999999");
        rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Parameters\":"
                + "{\"s.$\":\"States.Format('a\\\\nb')\"},\"End\":true}}}", "invalid escape");
    }
}
