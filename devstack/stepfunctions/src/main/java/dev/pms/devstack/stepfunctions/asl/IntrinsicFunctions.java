package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** The {@code States.*} intrinsic functions: parsed once per expression, evaluated against input and context. */
public final class IntrinsicFunctions {

    public static final Set<String> SUPPORTED = Set.of(
            "States.Format", "States.StringToJson", "States.JsonToString", "States.Array",
            "States.ArrayPartition", "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem",
            "States.ArrayLength", "States.ArrayUnique", "States.Base64Encode", "States.Base64Decode",
            "States.Hash", "States.JsonMerge", "States.MathRandom", "States.MathAdd", "States.StringSplit",
            "States.UUID");

    private static final Map<String, Call> PARSED = new ConcurrentHashMap<>();
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private IntrinsicFunctions() {
    }

    /** An argument of an intrinsic call. */
    private sealed interface Argument permits Literal, PathArgument, Call {
    }

    /** A literal; {@code raw} is a string literal's text with its escapes, as States.Format reads its template. */
    private record Literal(JsonNode value, String raw) implements Argument {
        Literal(JsonNode value) {
            this(value, null);
        }
    }

    private record PathArgument(String path) implements Argument {
    }

    private record Call(String function, List<Argument> arguments) implements Argument {
    }

    public static boolean looksLikeCall(String expression) {
        return expression.startsWith("States.");
    }

    /** Parses and checks an expression at definition time. */
    public static void check(String expression, String fieldName) {
        try {
            parse(expression);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException("The value for the field '" + fieldName
                    + "' must be a valid intrinsic function call: " + e.getMessage());
        }
    }

    public static JsonNode evaluate(String expression, JsonNode input, ContextObject context) {
        return evaluate(parse(expression), input, context);
    }

    private static Call parse(String expression) {
        Call cached = PARSED.get(expression);
        if (cached != null) {
            return cached;
        }
        Parser parser = new Parser(expression);
        Argument argument = parser.argument();
        parser.skipSpaces();
        if (!(argument instanceof Call call) || parser.position < expression.length()) {
            throw new IllegalArgumentException("not a single intrinsic function call: " + expression);
        }
        PARSED.put(expression, call);
        return call;
    }

    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        Argument argument() {
            skipSpaces();
            if (position >= text.length()) {
                throw new IllegalArgumentException("unexpected end of " + text);
            }
            char c = text.charAt(position);
            if (c == '\'') {
                int start = position + 1;
                String value = stringLiteral();
                return new Literal(Json.NODES.textNode(value), text.substring(start, position - 1));
            }
            if (c == '$') {
                return new PathArgument(pathLiteral());
            }
            if (text.startsWith("States.", position)) {
                return call();
            }
            int start = position;
            while (position < text.length() && ",) ".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            String token = text.substring(start, position);
            switch (token) {
                case "true":
                    return new Literal(Json.NODES.booleanNode(true));
                case "false":
                    return new Literal(Json.NODES.booleanNode(false));
                case "null":
                    return new Literal(Json.NODES.nullNode());
                default:
                    try {
                        BigDecimal number = new BigDecimal(token);
                        if (number.scale() <= 0 && !token.contains(".")) {
                            BigInteger integer = number.toBigIntegerExact();
                            return new Literal(integer.bitLength() < 64 ? Json.NODES.numberNode(integer.longValue())
                                    : Json.NODES.numberNode(integer));
                        }
                        return new Literal(Json.NODES.numberNode(number));
                    } catch (NumberFormatException | ArithmeticException e) {
                        throw new IllegalArgumentException("unexpected token '" + token + "' in " + text);
                    }
            }
        }

        Call call() {
            int open = text.indexOf('(', position);
            if (open < 0) {
                throw new IllegalArgumentException("missing '(' in " + text);
            }
            String function = text.substring(position, open).trim();
            if (!SUPPORTED.contains(function)) {
                throw new IllegalArgumentException("unsupported intrinsic function " + function);
            }
            position = open + 1;
            List<Argument> arguments = new ArrayList<>();
            skipSpaces();
            if (position < text.length() && text.charAt(position) == ')') {
                position++;
                return new Call(function, arguments);
            }
            while (true) {
                arguments.add(argument());
                skipSpaces();
                if (position >= text.length()) {
                    throw new IllegalArgumentException("missing ')' in " + text);
                }
                char c = text.charAt(position++);
                if (c == ')') {
                    return new Call(function, arguments);
                }
                if (c != ',') {
                    throw new IllegalArgumentException("unexpected '" + c + "' in " + text);
                }
            }
        }

        /**
         * A string literal with its escapes resolved. AWS reserves {@code ' { } \} and refuses any other escape
         * at definition time.
         */
        String stringLiteral() {
            StringBuilder value = new StringBuilder();
            position++;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '\\') {
                    char escaped = position < text.length() ? text.charAt(position++) : ' ';
                    if ("'{}\\".indexOf(escaped) < 0) {
                        throw new IllegalArgumentException("invalid escape '\\" + escaped + "' in " + text
                                + " (only \\', \\{, \\} and \\\\ are allowed)");
                    }
                    value.append(escaped);
                } else if (c == '\'') {
                    return value.toString();
                } else {
                    value.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated string in " + text);
        }

        String pathLiteral() {
            int start = position;
            int brackets = 0;
            char quote = 0;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '[' || c == '(') {
                    brackets++;
                } else if (c == ']' || (c == ')' && brackets > 0)) {
                    brackets--;
                } else if (brackets == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
                    break;
                }
                position++;
            }
            return text.substring(start, position);
        }
    }

    private static JsonNode evaluate(Call call, JsonNode input, ContextObject context) {
        if (call.function().equals("States.Format") && !call.arguments().isEmpty()
                && call.arguments().get(0) instanceof Literal template && template.raw() != null) {
            List<JsonNode> values = new ArrayList<>();
            for (Argument argument : call.arguments().subList(1, call.arguments().size())) {
                values.add(argumentValue(argument, input, context, call.function()));
            }
            return Json.NODES.textNode(format(template.raw(), true, values));
        }
        List<JsonNode> args = new ArrayList<>(call.arguments().size());
        for (Argument argument : call.arguments()) {
            args.add(argumentValue(argument, input, context, call.function()));
        }
        try {
            return apply(call.function(), args);
        } catch (AslError e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(call.function(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** JSON equality with numbers compared by value (1, 1.0 and a long 1 are the same number). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static AslError failure(String function, String message) {
        return new AslError(AslError.INTRINSIC_FAILURE, "Intrinsic function " + function + " failed: " + message);
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
            return value.setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
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
            return node.decimalValue().add(HALF).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw failure(function, "the argument is out of range: " + Json.write(node));
        }
    }

    private static JsonNode apply(String function, List<JsonNode> args) {
        switch (function) {
            case "States.Format": {
                if (args.isEmpty()) {
                    throw failure(function, "missing template");
                }
                return Json.NODES.textNode(format(text(function, args.get(0)), false, args.subList(1, args.size())));
            }
            case "States.StringToJson":
                arity(function, args, 1, 1);
                try {
                    return Json.parse(text(function, args.get(0)));
                } catch (IllegalArgumentException e) {
                    throw failure(function, "the argument is not JSON text");
                }
            case "States.JsonToString":
                arity(function, args, 1, 1);
                return Json.NODES.textNode(Json.write(args.get(0)));
            case "States.Array": {
                ArrayNode result = Json.NODES.arrayNode();
                args.forEach(result::add);
                return result;
            }
            case "States.ArrayPartition": {
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
            case "States.ArrayContains": {
                arity(function, args, 2, 2);
                for (JsonNode element : array(function, args.get(0))) {
                    if (sameValue(element, args.get(1))) {
                        return Json.NODES.booleanNode(true);
                    }
                }
                return Json.NODES.booleanNode(false);
            }
            case "States.ArrayRange": {
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
            case "States.ArrayGetItem": {
                arity(function, args, 2, 2);
                ArrayNode source = array(function, args.get(0));
                long index = integer(function, args.get(1));
                if (index < 0 || index >= source.size()) {
                    throw failure(function, "index " + index + " out of bounds for length " + source.size());
                }
                return source.get((int) index);
            }
            case "States.ArrayLength":
                arity(function, args, 1, 1);
                return Json.NODES.numberNode(array(function, args.get(0)).size());
            case "States.ArrayUnique": {
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
            case "States.Base64Encode":
                arity(function, args, 1, 1);
                return Json.NODES.textNode(Base64.getEncoder().encodeToString(
                        text(function, args.get(0)).getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode":
                arity(function, args, 1, 1);
                try {
                    return Json.NODES.textNode(new String(Base64.getDecoder().decode(text(function, args.get(0))),
                            StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw failure(function, "the argument is not Base64");
                }
            case "States.Hash": {
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
            case "States.JsonMerge": {
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
            case "States.MathRandom": {
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
            case "States.MathAdd": {
                arity(function, args, 2, 2);
                BigInteger sum = BigInteger.valueOf(rounded(function, args.get(0)))
                        .add(BigInteger.valueOf(rounded(function, args.get(1))));
                return Json.NODES.numberNode(sum);
            }
            case "States.StringSplit": {
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
            case "States.UUID":
                arity(function, args, 0, 0);
                return Json.NODES.textNode(UUID.randomUUID().toString());
            default:
                throw failure(function, "unsupported");
        }
    }

    /**
     * States.Format: each {@code {}} takes the next value. A literal template ({@code escapes}) may escape
     * {@code ' { } \\}. Strings are inserted as they are; arrays and objects as AWS's Java service prints them
     * ({@code [a, 1]}, {@code {key=value, n=1}}), scalars as JSON.
     */
    private static String format(String template, boolean escapes, List<JsonNode> values) {
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

    private static JsonNode argumentValue(Argument argument, JsonNode input, ContextObject context, String function) {
        if (argument instanceof Literal literal) {
            return literal.value();
        }
        if (argument instanceof PathArgument path) {
            return JsonPaths.resolveRequired(path.path(), input, context, function);
        }
        return evaluate((Call) argument, input, context);
    }
}
