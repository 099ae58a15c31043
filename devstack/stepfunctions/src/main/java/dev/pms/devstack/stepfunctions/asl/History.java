package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution's history: AWS event types, ids from 1, {@code previousEventId} chaining within a branch.
 * Each event also has a logical key (branch path, state, visit, type) so that a recovered execution,
 * replaying its journal, does not record an event twice.
 */
public final class History {

    private final List<ObjectNode> events = new ArrayList<>();
    private final Map<String, Long> idsByLogicalKey = new HashMap<>();
    private final List<String> logicalKeys = new ArrayList<>();

    public synchronized long record(String logicalKey, String type, long previousEventId, String detailsField,
                                    JsonNode details) {
        if (logicalKey != null) {
            Long existing = idsByLogicalKey.get(logicalKey);
            if (existing != null) {
                return existing;
            }
        }
        long id = events.size() + 1L;
        ObjectNode event = Json.object();
        event.put("timestamp", System.currentTimeMillis() / 1000.0);
        event.put("type", type);
        event.put("id", id);
        event.put("previousEventId", previousEventId);
        if (detailsField != null) {
            event.set(detailsField, details);
        }
        events.add(event);
        logicalKeys.add(logicalKey);
        if (logicalKey != null) {
            idsByLogicalKey.put(logicalKey, id);
        }
        return id;
    }

    public synchronized List<ObjectNode> snapshot() {
        return new ArrayList<>(events);
    }

    public synchronized int size() {
        return events.size();
    }

    /** Persisted form: the events, each with its logical key under {@code "_key"}. */
    public synchronized List<ObjectNode> persistentForm() {
        List<ObjectNode> copy = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ObjectNode event = events.get(i).deepCopy();
            if (logicalKeys.get(i) != null) {
                event.put("_key", logicalKeys.get(i));
            }
            copy.add(event);
        }
        return copy;
    }

    public synchronized void restore(List<ObjectNode> persisted) {
        events.clear();
        logicalKeys.clear();
        idsByLogicalKey.clear();
        for (ObjectNode event : persisted) {
            ObjectNode copy = event.deepCopy();
            JsonNode key = copy.remove("_key");
            events.add(copy);
            logicalKeys.add(key == null ? null : key.textValue());
            if (key != null) {
                idsByLogicalKey.put(key.textValue(), copy.get("id").longValue());
            }
        }
    }
}
