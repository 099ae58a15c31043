package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a state goes next ({@code next} null: its branch ends) and with which output. */
record StateTransition(String next, JsonNode output) {

    /** The state's {@code Next}, or null when it is an {@code End} state. */
    static String nextOf(JsonNode state) {
        return state.path("End").asBoolean(false) ? null : state.get("Next").textValue();
    }
}
