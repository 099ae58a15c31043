package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Workflow variables ({@code Assign}, {@code $name}) of one scope: the machine's top-level states share one;
 * each Parallel branch and each Map iteration gets an inner scope that reads the scopes around it but may not
 * assign a name declared in them. A state reads the values its scope had when it was entered; its own
 * assignments take effect when it exits.
 *
 * <p>A scope is written by one state at a time (states of a branch run one after another) and an outer scope
 * is never written while its Parallel or Map state runs, so plain maps suffice.
 */
public final class Variables {

    /** Letters, digits and underscores, not starting with a digit. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");
    public static final int MAX_NAME_LENGTH = 80;

    private final Variables outer;
    private final Map<String, JsonNode> values = new HashMap<>();

    private Variables(Variables outer) {
        this.outer = outer;
    }

    public static Variables root() {
        return new Variables(null);
    }

    /** The scope of a Parallel branch or a Map iteration run from a state of this scope. */
    public Variables inner() {
        return new Variables(this);
    }

    /** The value of {@code name} in this scope or an outer one; null when no scope declares it. */
    public JsonNode get(String name) {
        for (Variables scope = this; scope != null; scope = scope.outer) {
            JsonNode value = scope.values.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Applies a state's assignments (evaluated beforehand against the values at state entry). */
    public void assign(ObjectNode assignments) {
        Iterator<Map.Entry<String, JsonNode>> fields = assignments.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            for (Variables scope = outer; scope != null; scope = scope.outer) {
                if (scope.values.containsKey(field.getKey())) {
                    throw AslError.runtime("Cannot assign the variable '" + field.getKey()
                            + "': it is declared in an outer scope (a state inside a Parallel branch or a Map "
                            + "iteration can read outer variables but not assign them)");
                }
            }
        }
        fields = assignments.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), field.getValue());
        }
    }

    /** True for a name a state may assign: an identifier of at most 80 characters other than {@code states}. */
    public static boolean isValidName(String name) {
        return name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches() && !name.equals("states");
    }
}
