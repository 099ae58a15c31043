package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntrinsicFunctionsTest {

    private final JsonNode input = Json.parse("{\"name\":\"Ada\",\"n\":4,\"list\":[3,1,3],\"obj\":{\"a\":1}}");
    private final ContextObject context = ContextObject.forExecution("arn:exec", "exec", input, "role",
            "2026-01-01T00:00:00Z", "arn:sm", "sm").inState("S", "2026-01-01T00:00:00Z", 2);

    private JsonNode eval(String expression) {
        return IntrinsicFunctions.evaluate(expression, input, context);
    }

    @Test
    void formatsWithEscapesAndPaths() {
        assertThat(eval("States.Format('Hi {}, n={} \\{x\\} it\\'s', $.name, $.n)").asText())
                .isEqualTo("Hi Ada, n=4 {x} it's");
        assertThat(eval("States.Format('{}', $$.State.RetryCount)").asText()).isEqualTo("2");
    }

    @Test
    void nestsCalls() {
        assertThat(eval("States.ArrayLength(States.ArrayUnique($.list))").asInt()).isEqualTo(2);
        assertThat(eval("States.JsonToString(States.StringToJson('{\"k\": [1, 2]}'))").asText())
                .isEqualTo("{\"k\":[1,2]}");
        assertThat(eval("States.MathAdd(States.ArrayGetItem($.list, 0), -5)").asInt()).isEqualTo(-2);
    }

    @Test
    void uuidIsAVersion4Uuid() {
        assertThat(eval("States.UUID()").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void failuresAreIntrinsicFailures() {
        for (String bad : new String[]{"States.ArrayGetItem($.list, 9)", "States.Format('{} {}', $.n)",
                "States.MathAdd($.name, 1)", "States.StringToJson('not json')", "States.Hash($.name, 'CRC')"}) {
            assertThatThrownBy(() -> eval(bad)).as(bad).isInstanceOfSatisfying(AslError.class,
                    e -> assertThat(e.error()).isEqualTo("States.IntrinsicFailure"));
        }
    }

    @Test
    void syntaxIsCheckedAtDefinitionTime() {
        assertThatThrownBy(() -> IntrinsicFunctions.check("States.Nope($.a)", "x.$"))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("States.Nope");
        assertThatThrownBy(() -> IntrinsicFunctions.check("States.Format('a'", "x.$"))
                .isInstanceOf(InvalidDefinitionException.class);
    }
}
