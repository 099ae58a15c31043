package dev.pms.devstack.stepfunctions.asl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathsTest {

    private final com.fasterxml.jackson.databind.JsonNode input = Json.parse("""
            {"a":{"b":[10,{"c":"deep"}]},"key with space":1,"items":[{"id":1,"p":5},{"id":2,"p":50}]}""");

    @Test
    void readsReferencePaths() {
        assertThat(JsonPaths.read(input, "$").orElseThrow()).isEqualTo(input);
        assertThat(JsonPaths.read(input, "$.a.b[1].c").orElseThrow().asText()).isEqualTo("deep");
        assertThat(JsonPaths.read(input, "$['key with space']").orElseThrow().asInt()).isEqualTo(1);
        assertThat(JsonPaths.read(input, "$.a.b[0]").orElseThrow().asInt()).isEqualTo(10);
        assertThat(JsonPaths.isReferencePath("$.a.b[0]")).isTrue();
    }

    @Test
    void missingLocationsAreEmpty() {
        assertThat(JsonPaths.read(input, "$.nope")).isEmpty();
        assertThat(JsonPaths.read(input, "$.a.b[7]")).isEmpty();
        assertThat(JsonPaths.read(input, "$.a.b.c")).isEmpty();
        assertThatThrownBy(() -> JsonPaths.require(input, "$.nope", "InputPath"))
                .isInstanceOfSatisfying(AslError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
    }

    @Test
    void wildcardsAndFiltersGoToJsonPath() {
        assertThat(JsonPaths.isReferencePath("$.items[*].id")).isFalse();
        assertThat(JsonPaths.read(input, "$.items[*].id").orElseThrow()).isEqualTo(Json.parse("[1,2]"));
        assertThat(JsonPaths.read(input, "$.items[?(@.p > 10)].id").orElseThrow()).isEqualTo(Json.parse("[2]"));
    }

    @Test
    void placeCreatesIntermediateObjectsWithoutTouchingTheInput() {
        var result = JsonPaths.place(input, "$.x.y", Json.parse("true"));
        assertThat(result.at("/x/y").asBoolean()).isTrue();
        assertThat(input.has("x")).isFalse();
        assertThat(JsonPaths.place(input, "$", Json.parse("3")).asInt()).isEqualTo(3);
    }

    @Test
    void placeIntoANonObjectIsARuntimeError() {
        assertThatThrownBy(() -> JsonPaths.place(Json.parse("[1]"), "$.x", Json.parse("1")))
                .isInstanceOfSatisfying(AslError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
        assertThatThrownBy(() -> JsonPaths.checkSyntax("$.items[*]", "ResultPath", true))
                .isInstanceOf(InvalidDefinitionException.class);
    }
}
