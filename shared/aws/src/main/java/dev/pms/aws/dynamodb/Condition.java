package dev.pms.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** A write's condition expression with the attribute names and values it refers to. */
record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    /** The item must not exist yet. */
    static final Condition ABSENT = new Condition("attribute_not_exists(#sk)", Map.of("#sk", AppTable.SK), Map.of());

    static Condition of(String expression, Map<String, String> names) {
        return new Condition(expression, names, Map.of());
    }

    /** The stored item must be at {@code expected}, the version the caller read. */
    static Condition versionIs(long expected) {
        return new Condition("#version = :expected", Map.of("#version", AppTable.VERSION),
                Map.of(":expected", Attr.n(expected)));
    }

    /** Optimistic replacement: a new item for version 0 (nothing read before), else the version read. */
    static Condition replacing(long expectedVersion) {
        return expectedVersion <= 0 ? ABSENT : versionIs(expectedVersion);
    }
}
