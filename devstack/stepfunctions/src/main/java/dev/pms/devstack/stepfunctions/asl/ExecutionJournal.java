package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a recovered execution must not redo: task outcomes, issued task tokens and Wait deadlines,
 * each under a deterministic key (branch path, state, visit, attempt). Only kept when persistence is on.
 */
public final class ExecutionJournal {

    private final boolean enabled;
    private final Map<String, JsonNode> entries = new ConcurrentHashMap<>();
    private volatile Runnable onChange = () -> { };

    public ExecutionJournal(boolean enabled) {
        this.enabled = enabled;
    }

    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    Optional<JsonNode> get(String key) {
        return enabled ? Optional.ofNullable(entries.get(key)) : Optional.empty();
    }

    void put(String key, JsonNode value) {
        if (enabled) {
            entries.put(key, value);
            onChange.run();
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        entries.forEach(node::set);
        return node;
    }

    public void restore(JsonNode persisted) {
        Iterator<Map.Entry<String, JsonNode>> fields = persisted.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            entries.put(field.getKey(), field.getValue());
        }
    }
}
