package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonataExpressionsTest {

    private final Variables variables = Variables.root();
    private final ContextObject context = ContextObject.forExecution("arn:exec", "exec", Json.parse("{\"a\":1}"),
            "role", "2026-01-01T00:00:00Z", "arn:sm", "sm").inState("S", "2026-01-01T00:00:00.000Z", 0, variables);

    private JsonNode eval(String expression, String input) {
        return JsonataExpressions.evaluate("{% " + expression + " %}", "Output",
                JsonataBindings.forInput(Json.parse(input), context));
    }

    private static AslError failure(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (AslError e) {
            return e;
        }
        throw new AssertionError("the expression did not fail");
    }

    @Test
    void onlyWholeDelimitedStringsAreExpressions() {
        assertThat(JsonataExpressions.isExpression("{% 1 %}")).isTrue();
        assertThat(JsonataExpressions.isExpression(" {% 1 %}")).isFalse();
        assertThat(JsonataExpressions.isExpression("{% 1 %} ")).isFalse();
        assertThat(JsonataExpressions.isExpression("{%%}")).isTrue();
    }

    @Test
    void nullIsAValueAndNothingIsAFailure() {
        assertThat(eval("null", "{}").isNull()).isTrue();
        assertThat(eval("$states.input.n", "{\"n\":null}").isNull()).isTrue();
        AslError nothing = failure(() -> eval("$states.input.absent", "{}"));
        assertThat(nothing.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(nothing.errorCause()).isEqualTo(
                "The JSONata expression '$states.input.absent' specified for the field 'Output' returned nothing (undefined).");
    }

    @Test
    void jsonNullsInTheInputSurviveTwoEvaluations() {
        JsonataBindings bindings = JsonataBindings.forInput(Json.parse("{\"n\":null,\"k\":[null]}"), context);
        for (int i = 0; i < 2; i++) {
            assertThat(JsonataExpressions.evaluate("{% $states.input %}", "Output", bindings))
                    .isEqualTo(Json.parse("{\"n\":null,\"k\":[null]}"));
        }
    }

    @Test
    void integralNumbersComeBackAsIntegers() {
        assertThat(eval("1.5 * 2", "{}")).isEqualTo(Json.parse("3"));
        assertThat(eval("7 / 2", "{}").asDouble()).isEqualTo(3.5);
    }

    @Test
    void variablesAreBoundByName() {
        variables.assign((ObjectNode) Json.parse("{\"rate\":2,\"tags\":[\"a\"]}"));
        assertThat(eval("$rate * 21", "{}").asInt()).isEqualTo(42);
        assertThat(eval("$tags[0] & $string($count($tags))", "{}").asText()).isEqualTo("a1");
    }

    @Test
    void awsFunctionsAreThereAndEvalIsNot() {
        assertThat(eval("$random(7) = $random(7)", "{}").asBoolean()).isTrue();
        assertThat(eval("$partition([1,2,3], 2)", "{}")).isEqualTo(Json.parse("[[1,2],[3]]"));
        assertThat(eval("$range(1, 5, 2)", "{}")).isEqualTo(Json.parse("[1,3,5]"));
        assertThat(eval("$parse('{\"k\":[true]}')", "{}")).isEqualTo(Json.parse("{\"k\":[true]}"));
        assertThat(eval("$hash('abc', 'SHA-1')", "{}").asText()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(eval("$length($uuid())", "{}").asInt()).isEqualTo(36);
        assertThat(failure(() -> eval("$eval('1')", "{}")).errorCause()).contains("T1006");
        assertThat(failure(() -> eval("$range(1, 5000, 1)", "{}")).errorCause()).contains("at most 1000 items");
    }

    @Test
    void nowIsFixedWithinAnEvaluation() {
        assertThat(eval("$now() = $now()", "{}").asBoolean()).isTrue();
        assertThat(eval("$now()", "{}").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(eval("$millis() > 0", "{}").asBoolean()).isTrue();
    }

    @Test
    void failuresNameTheExpressionTheFieldAndJsonatasCode() {
        AslError error = failure(() -> eval("$abs('x')", "{}"));
        assertThat(error.errorCause()).isEqualTo("The JSONata expression '$abs('x')' specified for the field 'Output' "
                + "threw an error during evaluation. T0410: Argument 1 of function \"abs\" does not match function signature");
        assertThat(failure(() -> eval("function($x) { $x }", "{}")).errorCause()).endsWith(
                "returned an unsupported result type.");
        assertThat(failure(() -> eval("( $f := function($n) { 1 + $f($n) }; $f(1) )", "{}")).error())
                .isEqualTo("States.QueryEvaluationError");
    }

    @Test
    void unparsableExpressionsAreDefinitionErrors() {
        assertThatThrownBy(() -> JsonataExpressions.compile("{% $a[1, %}", "Output"))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("'$a[1,'");
        assertThatThrownBy(() -> JsonataExpressions.compile("{%   %}", "Output"))
                .isInstanceOf(InvalidDefinitionException.class);
    }

    @Test
    void referencedNamesSkipStringLiterals() {
        assertThat(JsonataExpressions.referencedNames("$a + $b_2 & '$notAName' & \"$nor\" & $states.input"))
                .containsExactlyInAnyOrder("a", "b_2", "states");
    }

    @Test
    void anInnerScopeReadsButCannotAssignOuterVariables() {
        variables.assign((ObjectNode) Json.parse("{\"x\":1}"));
        Variables inner = variables.inner();
        assertThat(inner.get("x").asInt()).isEqualTo(1);
        inner.assign((ObjectNode) Json.parse("{\"y\":2}"));
        assertThat(variables.get("y")).isNull();
        assertThatThrownBy(() -> inner.assign((ObjectNode) Json.parse("{\"x\":3}")))
                .isInstanceOfSatisfying(AslError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
        assertThat(Variables.isValidName("états_1")).isTrue();
        assertThat(Variables.isValidName("1x")).isFalse();
        assertThat(Variables.isValidName("states")).isFalse();
        assertThat(Variables.isValidName("a-b")).isFalse();
    }
}
