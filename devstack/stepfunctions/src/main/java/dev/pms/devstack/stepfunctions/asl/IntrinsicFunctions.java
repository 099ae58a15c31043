package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code States.*} intrinsic functions: parsed once per expression, evaluated against input and context. */
public final class IntrinsicFunctions {

    public static final Set<String> SUPPORTED = IntrinsicFunctionLibrary.NAMES;

    private static final Map<String, Call> PARSED = new ConcurrentHashMap<>();

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
            return Json.NODES.textNode(IntrinsicFunctionLibrary.format(template.raw(), true, values));
        }
        List<JsonNode> args = new ArrayList<>(call.arguments().size());
        for (Argument argument : call.arguments()) {
            args.add(argumentValue(argument, input, context, call.function()));
        }
        try {
            return IntrinsicFunctionLibrary.apply(call.function(), args);
        } catch (AslError e) {
            throw e;
        } catch (RuntimeException e) {
            throw IntrinsicFunctionLibrary.failure(call.function(), e.getMessage() == null ? e.toString() : e.getMessage());
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
