package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChoiceRulesTest {

    private final JsonNode input = Json.parse("""
            {"s":"abc","n":2.5,"b":true,"t":"2026-03-01T10:00:00Z","t2":"2026-03-01T11:00:00+01:00",
             "nil":null,"other":2.50}""");

    private boolean matches(String rule) {
        return ChoiceRules.matches(Json.parse(rule), input);
    }

    @Test
    void comparesStringsNumbersBooleansTimestamps() {
        assertThat(matches("{\"Variable\":\"$.s\",\"StringEquals\":\"abc\"}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.s\",\"StringLessThan\":\"abd\"}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.n\",\"NumericEqualsPath\":\"$.other\"}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.n\",\"NumericGreaterThan\":3}")).isFalse();
        assertThat(matches("{\"Variable\":\"$.b\",\"BooleanEquals\":true}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.t\",\"TimestampEqualsPath\":\"$.t2\"}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.s\",\"NumericEquals\":1}")).as("type mismatch is false").isFalse();
    }

    @Test
    void typeTestsAndPresence() {
        assertThat(matches("{\"Variable\":\"$.nil\",\"IsNull\":true}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.missing\",\"IsPresent\":false}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.t\",\"IsTimestamp\":true}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.s\",\"IsTimestamp\":true}")).isFalse();
    }

    @Test
    void stringMatchesWithEscapedStar() {
        assertThat(ChoiceRules.wildcardMatches("a*c", "abbbc")).isTrue();
        assertThat(ChoiceRules.wildcardMatches("a\\*c", "a*c")).isTrue();
        assertThat(ChoiceRules.wildcardMatches("a\\*c", "abc")).isFalse();
    }

    @Test
    void combinators() {
        assertThat(matches("{\"Not\":{\"Or\":[{\"Variable\":\"$.b\",\"BooleanEquals\":false},"
                + "{\"Variable\":\"$.n\",\"NumericLessThan\":1}]}}")).isTrue();
    }

    @Test
    void aMissingVariableIsARuntimeError() {
        assertThatThrownBy(() -> matches("{\"Variable\":\"$.missing\",\"StringEquals\":\"x\"}"))
                .isInstanceOfSatisfying(AslError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
    }
}
