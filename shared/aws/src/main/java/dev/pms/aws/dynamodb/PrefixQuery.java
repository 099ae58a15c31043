package dev.pms.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of one partition whose sort key (or, on the local index, {@value AppTable#LSI1_SK}) starts with a prefix,
 * in key order or newest first, optionally narrowed by attributes that must equal given values.
 */
record PrefixQuery(String partition, String prefix, boolean onLocalIndex, boolean descending, boolean consistentRead,
                   boolean projectsKeysOnly, Map<String, String> equalities, int filteredReadAhead) {

    static PrefixQuery sortKey(String partition, String prefix) {
        return new PrefixQuery(partition, prefix, false, false, false, false, Map.of(), 0);
    }

    static PrefixQuery localIndex(String partition, String prefix) {
        return new PrefixQuery(partition, prefix, true, false, false, false, Map.of(), 0);
    }

    PrefixQuery newestFirst() {
        return new PrefixQuery(partition, prefix, onLocalIndex, true, consistentRead, projectsKeysOnly, equalities, filteredReadAhead);
    }

    PrefixQuery consistent() {
        return new PrefixQuery(partition, prefix, onLocalIndex, descending, true, projectsKeysOnly, equalities, filteredReadAhead);
    }

    /** Only the table's key attributes of each item. */
    PrefixQuery keysOnly() {
        return new PrefixQuery(partition, prefix, onLocalIndex, descending, consistentRead, true, equalities, filteredReadAhead);
    }

    /** Only items whose {@code attribute} is {@code value}; no narrowing when {@code value} is null. */
    PrefixQuery where(String attribute, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> narrowed = new LinkedHashMap<>(equalities);
        narrowed.put(attribute, value);
        return new PrefixQuery(partition, prefix, onLocalIndex, descending, consistentRead, projectsKeysOnly, narrowed, filteredReadAhead);
    }

    /**
     * A filtered listing reads at least {@code items} per request, so that a selective filter does not cost a request
     * per item found.
     */
    PrefixQuery readingAheadWhenFiltered(int items) {
        return new PrefixQuery(partition, prefix, onLocalIndex, descending, consistentRead, projectsKeysOnly, equalities,
                items);
    }

    /** How many items to read for a listing with room for {@code room} more. */
    int readSize(int room) {
        return equalities.isEmpty() ? room : Math.max(room, filteredReadAhead);
    }

    /** One page: at most {@code limit} items read (null: as many as DynamoDB returns), after {@code startKey}. */
    QueryRequest request(String table, Integer limit, Map<String, AttributeValue> startKey) {
        String rangeKey = onLocalIndex ? AppTable.LSI1_SK : AppTable.SK;
        Map<String, String> names = new HashMap<>(Map.of("#pk", AppTable.PK, "#rk", rangeKey));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attr.s(partition), ":prefix", Attr.s(prefix)));
        List<String> filters = new ArrayList<>();
        equalities.forEach((attribute, value) -> {
            String name = "#f" + filters.size();
            String placeholder = ":f" + filters.size();
            names.put(name, attribute);
            values.put(placeholder, Attr.s(value));
            filters.add(name + " = " + placeholder);
        });
        if (projectsKeysOnly) {
            names.put("#sk", AppTable.SK);
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#rk, :prefix)")
                .scanIndexForward(!descending)
                .expressionAttributeNames(names).expressionAttributeValues(values);
        if (onLocalIndex) {
            request.indexName(AppTable.LSI1);
        }
        if (consistentRead) {
            request.consistentRead(true);
        }
        if (projectsKeysOnly) {
            request.projectionExpression("#pk, #sk");
        }
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        if (limit != null) {
            request.limit(limit);
        }
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        return request.build();
    }

    /** Where a listing that ended with {@code item} continues: its table key and, on the local index, its index key. */
    Map<String, AttributeValue> positionOf(Map<String, AttributeValue> item) {
        return onLocalIndex
                ? Map.of(AppTable.PK, item.get(AppTable.PK), AppTable.SK, item.get(AppTable.SK),
                        AppTable.LSI1_SK, item.get(AppTable.LSI1_SK))
                : Map.of(AppTable.PK, item.get(AppTable.PK), AppTable.SK, item.get(AppTable.SK));
    }
}
