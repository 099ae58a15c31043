package dev.pms.devstack.stepfunctions.asl;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Values between Jackson trees and the JSONata port's Java values (Map, List, Number, String, Boolean). */
final class JsonataValues {

    private static final double MAX_SAFE_INTEGER = 9_007_199_254_740_991d;
    private static final Pattern CODE = Pattern.compile("[A-Z]\\d{4}");

    private JsonataValues() {
    }

    /** A converted value and whether it holds a JSON null (which the port rewrites in place after evaluating). */
    record Converted(Object value, boolean holdsNull) {
    }

    static Converted toJava(JsonNode node) {
        boolean[] holdsNull = new boolean[1];
        Object value = toJava(node, holdsNull);
        return new Converted(value, holdsNull[0]);
    }

    private static Object toJava(JsonNode node, boolean[] holdsNull) {
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    map.put(field.getKey(), toJava(field.getValue(), holdsNull));
                }
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toJava(element, holdsNull));
                }
                return list;
            }
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    long value = node.longValue();
                    return value == (int) value ? (Object) (int) value : (Object) value;
                }
                return node.doubleValue();
            default:
                holdsNull[0] = true;
                return Jsonata.NULL_VALUE;
        }
    }

    /** The JSON of a result; null for a value JSON cannot hold (a function). */
    static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (value instanceof String text) {
            return Json.NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return Json.NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return integer(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return null;
            }
            if (number == Math.rint(number) && Math.abs(number) <= MAX_SAFE_INTEGER) {
                return integer((long) number);
            }
            return Json.NODES.numberNode(number);
        }
        if (value instanceof BigDecimal decimal) {
            return Json.NODES.numberNode(decimal);
        }
        if (value instanceof BigInteger integer) {
            return Json.NODES.numberNode(integer);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.object();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                JsonNode converted = toJson(entry.getValue());
                if (converted == null) {
                    return null;
                }
                object.set(String.valueOf(entry.getKey()), converted);
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.NODES.arrayNode();
            for (Object element : list) {
                JsonNode converted = toJson(element);
                if (converted == null) {
                    return null;
                }
                array.add(converted);
            }
            return array;
        }
        return null;
    }

    /** An integer as Jackson reads one from JSON text: an int node when it fits, else a long node. */
    private static JsonNode integer(long value) {
        return value == (int) value ? Json.NODES.numberNode((int) value) : Json.NODES.numberNode(value);
    }

    /** JSONata's name of a value's type, as AWS's causes quote it. */
    static String typeName(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "null";
        };
    }

    /**
     * A JSONata failure as jsonata-js words it: {@code T2002: The right side of …}. The port's own wording
     * says "Object" where jsonata-js says "function"; that is put right here.
     */
    static String describe(JException e) {
        String message = e.getMessage() == null ? "" : e.getMessage()
                .replace("of Object \"", "of function \"")
                .replace("match Object signature", "match function signature")
                .replaceAll("Argument \"(\\d+)\"", "Argument $1");
        String code = e.getError();
        if (code != null && CODE.matcher(code).matches() && !message.startsWith(code)) {
            return code + ": " + message;
        }
        return message;
    }
}
