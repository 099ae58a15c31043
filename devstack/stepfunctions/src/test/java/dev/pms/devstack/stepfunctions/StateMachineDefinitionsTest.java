package dev.pms.devstack.stepfunctions;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateMachineDefinitionsTest {

    @Test
    void substitutesKnownPlaceholdersAndLeavesOthers() {
        String definition = """
                {"Resource":"${PreflightFunctionArn}","QueueUrl":"${ProviderJobsQueueUrl}",
                 "Keep":"${NotGiven}","Dollar":"$.x","Twice":"${PreflightFunctionArn}"}""";
        String result = StateMachineDefinitions.substitute(definition, Map.of(
                "PreflightFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:preflight",
                "ProviderJobsQueueUrl", "http://127.0.0.1:9324/000000000000/jobs$1"));
        assertThat(result).isEqualTo("""
                {"Resource":"arn:aws:lambda:us-east-1:000000000000:function:preflight","QueueUrl":"http://127.0.0.1:9324/000000000000/jobs$1",
                 "Keep":"${NotGiven}","Dollar":"$.x","Twice":"arn:aws:lambda:us-east-1:000000000000:function:preflight"}""");
    }
}
