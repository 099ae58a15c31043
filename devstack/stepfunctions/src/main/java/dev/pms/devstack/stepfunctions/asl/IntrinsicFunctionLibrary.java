package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Each {@code States.*} intrinsic as one function of its evaluated arguments, by name. */
final class IntrinsicFunctionLibrary {

    /** One intrinsic: its evaluated arguments to its result; {@code name} is what failures are reported under. */
    @FunctionalInterface
    interface Intrinsic {
        JsonNode apply(String name, List<JsonNode> args);
    }

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private static final Map<String, Intrinsic> FUNCTIONS = Map.ofEntries(
            Map.entry("States.Format", IntrinsicFunctionLibrary::formatTemplate),
            Map.entry("States.StringToJson", IntrinsicFunctionLibrary::stringToJson),
            Map.entry("States.JsonToString", IntrinsicFunctionLibrary::jsonToString),
            Map.entry("States.Array", IntrinsicFunctionLibrary::arrayOfArguments),
            Map.entry("States.ArrayPartition", IntrinsicFunctionLibrary::arrayPartition),
            Map.entry("States.ArrayContains", IntrinsicFunctionLibrary::arrayContains),
            Map.entry("States.ArrayRange", IntrinsicFunctionLibrary::arrayRange),
            Map.entry("States.ArrayGetItem", IntrinsicFunctionLibrary::arrayGetItem),
            Map.entry("States.ArrayLength", IntrinsicFunctionLibrary::arrayLength),
            Map.entry("States.ArrayUnique", IntrinsicFunctionLibrary::arrayUnique),
            Map.entry("States.Base64Encode", IntrinsicFunctionLibrary::base64Encode),
            Map.entry("States.Base64Decode", IntrinsicFunctionLibrary::base64Decode),
            Map.entry("States.Hash", IntrinsicFunctionLibrary::hash),
            Map.entry("States.JsonMerge", IntrinsicFunctionLibrary::jsonMerge),
            Map.entry("States.MathRandom", IntrinsicFunctionLibrary::mathRandom),
            Map.entry("States.MathAdd", IntrinsicFunctionLibrary::mathAdd),
            Map.entry("States.StringSplit", IntrinsicFunctionLibrary::stringSplit),
            Map.entry("States.UUID", IntrinsicFunctionLibrary::uuid));

    static final Set<String> NAMES = FUNCTIONS.keySet();

    private IntrinsicFunctionLibrary() {
    }

    static JsonNode apply(String function, List<JsonNode> args) {
        Intrinsic intrinsic = FUNCTIONS.get(function);
        if (intrinsic == null) {
            throw failure(function, "unsupported");
        }
        return intrinsic.apply(function, args);
    }

    static AslError failure(String function, String message) {
        return new AslError(AslError.INTRINSIC_FAILURE, "Intrinsic function " + function + " failed: " + message);
    }

    private static JsonNode formatTemplate(String function, List<JsonNode> args) {
        if (args.isEmpty()) {
            throw failure(function, "missing template");
        }
        return Json.NODES.textNode(format(text(function, args.get(0)), false, args.subList(1, args.size())));
    }

    private static JsonNode stringToJson(String function, List<JsonNode> args) {
        arity(function, args, 1, 1);
        try {
            return Json.parse(text(function, args.get(0)));
        } catch (IllegalArgumentException e) {
            throw failure(function, "the argument is not JSON text");
        }
    }

    private static JsonNode jsonToString(String function, List<JsonNode> args) {
        arity(function, args, 1, 1);
        return Json.NODES.textNode(Json.write(args.get(0)));
    }

    private static JsonNode arrayOfArguments(String function, List<JsonNode> args) {
        ArrayNode result = Json.NODES.arrayNode();
        args.forEach(result::add);
        return result;
    }

    private static JsonNode arrayPartition(String function, List<JsonNode> args) {
        arity(function, args, 2, 2);
        ArrayNode source = array(function, args.get(0));
        long size = integer(function, args.get(1));
        if (size <= 0) {
            throw failure(function, "chunk size must be positive");
        }
        ArrayNode result = Json.NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < source.size(); i++) {
            if (i % size == 0) {
                chunk = result.addArray();
            }
            chunk.add(source.get(i));
        }
        return result;
    }

    private static JsonNode arrayContains(String function, List<JsonNode> args) {
        arity(function, args, 2, 2);
        for (JsonNode element : array(function, args.get(0))) {
            if (sameValue(element, args.get(1))) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }

    private static JsonNode arrayRange(String function, List<JsonNode> args) {
        arity(function, args, 3, 3);
        long start = integer(function, args.get(0));
        long end = integer(function, args.get(1));
        long step = integer(function, args.get(2));
        if (step == 0) {
            throw failure(function, "step must not be 0");
        }
        ArrayNode result = Json.NODES.arrayNode();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (result.size() >= 1000) {
                throw failure(function, "at most 1000 items");
            }
            result.add(v);
        }
        return result;
    }

    private static JsonNode arrayGetItem(String function, List<JsonNode> args) {
        arity(function, args, 2, 2);
        ArrayNode source = array(function, args.get(0));
        long index = integer(function, args.get(1));
        if (index < 0 || index >= source.size()) {
            throw failure(function, "index " + index + " out of bounds for length " + source.size());
        }
        return source.get((int) index);
    }

    private static JsonNode arrayLength(String function, List<JsonNode> args) {
        arity(function, args, 1, 1);
        return Json.NODES.numberNode(array(function, args.get(0)).size());
    }

    private static JsonNode arrayUnique(String function, List<JsonNode> args) {
        arity(function, args, 1, 1);
        ArrayNode result = Json.NODES.arrayNode();
        for (JsonNode element : array(function, args.get(0))) {
            boolean seen = false;
            for (JsonNode kept : result) {
                seen |= sameValue(kept, element);
            }
            if (!seen) {
                result.add(element);
            }
        }
        return result;
    }

    private static JsonNode base64Encode(String function, List<JsonNode> args) {
        arity(function, args, 1, 1);
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(
                text(function, args.get(0)).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode base64Decode(String function, List<JsonNode> args) {
        arity(function, args, 1, 1);
        try {
            return Json.NODES.textNode(new String(Base64.getDecoder().decode(text(function, args.get(0))),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure(function, "the argument is not Base64");
        }
    }

    private static JsonNode hash(String function, List<JsonNode> args) {
        arity(function, args, 2, 2);
        String algorithm = text(function, args.get(1));
        String javaName = switch (algorithm) {
            case "MD5" -> "MD5";
            case "SHA-1" -> "SHA-1";
            case "SHA-256" -> "SHA-256";
            case "SHA-384" -> "SHA-384";
            case "SHA-512" -> "SHA-512";
            default -> throw failure(function, "unsupported algorithm " + algorithm);
        };
        JsonNode data = args.get(0);
        String payload = data.isTextual() ? data.textValue() : Json.write(data);
        try {
            return Json.NODES.textNode(HexFormat.of().formatHex(
                    MessageDigest.getInstance(javaName).digest(payload.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw failure(function, e.getMessage());
        }
    }

    private static JsonNode jsonMerge(String function, List<JsonNode> args) {
        arity(function, args, 3, 3);
        if (!args.get(0).isObject() || !args.get(1).isObject()) {
            throw failure(function, "both inputs must be objects");
        }
        if (!args.get(2).isBoolean() || args.get(2).booleanValue()) {
            throw failure(function, "only shallow merge (false) is supported");
        }
        ObjectNode merged = args.get(0).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = args.get(1).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            merged.set(field.getKey(), field.getValue());
        }
        return merged;
    }

    private static JsonNode mathRandom(String function, List<JsonNode> args) {
        arity(function, args, 2, 3);
        long start = rounded(function, args.get(0));
        long end = rounded(function, args.get(1));
        if (end <= start) {
            throw failure(function, "end must be greater than start");
        }
        Random random = args.size() == 3 ? new Random(rounded(function, args.get(2)))
                : ThreadLocalRandom.current();
        return Json.NODES.numberNode(start + (long) (random.nextDouble() * (end - start)));
    }

    private static JsonNode mathAdd(String function, List<JsonNode> args) {
        arity(function, args, 2, 2);
        BigInteger sum = BigInteger.valueOf(rounded(function, args.get(0)))
                .add(BigInteger.valueOf(rounded(function, args.get(1))));
        return Json.NODES.numberNode(sum);
    }

    private static JsonNode stringSplit(String function, List<JsonNode> args) {
        arity(function, args, 2, 2);
        String value = text(function, args.get(0));
        String delimiters = text(function, args.get(1));
        ArrayNode result = Json.NODES.arrayNode();
        StringBuilder current = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
                if (current.length() > 0) {
                    result.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            result.add(current.toString());
        }
        return result;
    }

    private static JsonNode uuid(String function, List<JsonNode> args) {
        arity(function, args, 0, 0);
        return Json.NODES.textNode(UUID.randomUUID().toString());
    }

    /**
     * States.Format: each {@code {}} takes the next value. A literal template ({@code escapes}) may escape
     * {@code ' { } \\}. Strings are inserted as they are; arrays and objects as AWS's Java service prints them
     * ({@code [a, 1]}, {@code {key=value, n=1}}), scalars as JSON.
     */
    static String format(String template, boolean escapes, List<JsonNode> values) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (escapes && c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= values.size()) {
                    throw failure("States.Format", "more placeholders than arguments");
                }
                appendFormatted(out, values.get(next++));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != values.size()) {
            throw failure("States.Format", "more arguments than placeholders");
        }
        return out.toString();
    }

    private static void appendFormatted(StringBuilder out, JsonNode value) {
        if (value.isTextual()) {
            out.append(value.textValue());
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                appendFormatted(out, value.get(i));
            }
            out.append(']');
        } else if (value.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(first ? "" : ", ").append(field.getKey()).append('=');
                appendFormatted(out, field.getValue());
                first = false;
            }
            out.append('}');
        } else {
            out.append(Json.write(value));
        }
    }

    /** JSON equality with numbers compared by value (1, 1.0 and a long 1 are the same number). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static void arity(String function, List<JsonNode> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw failure(function, "expected " + (min == max ? String.valueOf(min) : min + ".." + max)
                    + " arguments, got " + args.size());
        }
    }

    private static String text(String function, JsonNode node) {
        if (!node.isTextual()) {
            throw failure(function, "expected a string argument, got " + Json.write(node));
        }
        return node.textValue();
    }

    private static ArrayNode array(String function, JsonNode node) {
        if (!node.isArray()) {
            throw failure(function, "expected an array argument, got " + Json.write(node));
        }
        return (ArrayNode) node;
    }

    private static long integer(String function, JsonNode node) {
        if (!node.isNumber()) {
            throw failure(function, "expected a number argument, got " + Json.write(node));
        }
        BigDecimal value = node.decimalValue();
        try {
            return value.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw failure(function, "expected an integer argument, got " + Json.write(node));
        }
    }

    /**
     * AWS: "If you specify a non-integer value ..., Step Functions will round it off to the nearest integer"
     * (States.MathAdd, States.MathRandom); halves round up, as Java's Math.round does.
     */
    private static long rounded(String function, JsonNode node) {
        if (!node.isNumber()) {
            throw failure(function, "expected a number argument, got " + Json.write(node));
        }
        try {
            return node.decimalValue().add(HALF).setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw failure(function, "the argument is out of range: " + Json.write(node));
        }
    }
}
