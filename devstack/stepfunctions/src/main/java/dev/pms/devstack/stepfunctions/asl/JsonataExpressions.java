package dev.pms.devstack.stepfunctions.asl;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONata expressions of the states language ({@code "{% … %}"}) on the com.dashjoin Java port of JSONata,
 * with the bindings AWS provides ({@code $states}, workflow variables, AWS's added functions) and AWS's
 * wording of failures. Expressions are compiled once and cached; a compiled expression is shared between
 * threads, every evaluation gets its own frame.
 */
public final class JsonataExpressions {

    /** The error of a JSONata expression that fails, returns nothing or returns a value of the wrong type. */
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

    /** Bounds of one evaluation, so that a runaway expression fails instead of holding a worker thread. */
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final int MAX_DEPTH = 2_000;

    private static final Map<String, Expression> COMPILED = new ConcurrentHashMap<>();

    private JsonataExpressions() {
    }

    /** A compiled expression: the text between the delimiters, and the {@code $names} it mentions. */
    public static final class Expression {
        private final String source;
        private final Jsonata compiled;
        private final Set<String> names;

        private Expression(String source, Jsonata compiled, Set<String> names) {
            this.source = source;
            this.compiled = compiled;
            this.names = names;
        }

        /** The expression as AWS quotes it in causes: trimmed, without {@code {%} and {@code %}}. */
        public String source() {
            return source;
        }

        Set<String> names() {
            return names;
        }
    }

    /** True for a string {@code "{% … %}"}: exactly the strings AWS evaluates as JSONata (no surrounding blanks). */
    public static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && isExpression(value.textValue());
    }

    public static boolean isExpression(String text) {
        return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
    }

    /**
     * Compiles {@code "{% … %}"}. An expression JSONata cannot parse is an {@link InvalidDefinitionException}:
     * AWS refuses the definition at CreateStateMachine.
     */
    public static Expression compile(String text, String field) {
        Expression cached = COMPILED.get(text);
        if (cached != null) {
            return cached;
        }
        String source = text.substring(2, text.length() - 2).trim();
        if (source.isEmpty()) {
            throw new InvalidDefinitionException("The JSONata expression of the field '" + field + "' is empty");
        }
        Jsonata compiled;
        try {
            // The object constructor keeps JSON null apart from "nothing": the port turns a top-level null
            // into Java null, but leaves out a key whose value is undefined.
            compiled = Jsonata.jsonata("{\"v\": (" + source + "\n)}");
        } catch (JException e) {
            throw new InvalidDefinitionException("The JSONata expression '" + source + "' specified for the field '"
                    + field + "' is invalid: " + JsonataValues.describe(e));
        } catch (RuntimeException e) {
            throw new InvalidDefinitionException("The JSONata expression '" + source + "' specified for the field '"
                    + field + "' is invalid: " + e.getMessage());
        }
        compiled.setValidateInput(false);
        AwsJsonataFunctions.register(compiled);
        Expression expression = new Expression(source, compiled, referencedNames(source));
        COMPILED.put(text, expression);
        return expression;
    }

    /**
     * Evaluates {@code "{% … %}"} for the field {@code field} (AWS's notation: {@code Output/a[0]}); fails with
     * States.QueryEvaluationError when it throws, returns nothing or returns a function.
     */
    public static JsonNode evaluate(String text, String field, JsonataBindings bindings) {
        Expression expression = compile(text, field);
        Jsonata.Frame frame = expression.compiled.createFrame();
        bindings.bind(frame, expression.names);
        frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
        Object result;
        try {
            result = expression.compiled.evaluate(null, frame);
        } catch (JException e) {
            throw failure(expression, field, "threw an error during evaluation. " + JsonataValues.describe(e));
        } catch (StackOverflowError e) {
            throw failure(expression, field, "threw an error during evaluation: the expression nests too deeply");
        } catch (RuntimeException e) {
            throw failure(expression, field, "threw an error during evaluation: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        Map<?, ?> wrapper = (Map<?, ?>) result;
        if (wrapper == null || !wrapper.containsKey("v")) {
            throw failure(expression, field, "returned nothing (undefined).");
        }
        JsonNode value = JsonataValues.toJson(wrapper.get("v"));
        if (value == null) {
            throw failure(expression, field, "returned an unsupported result type.");
        }
        return value;
    }

    /** States.QueryEvaluationError for a value of the wrong type, in AWS's words. */
    public static AslError unexpectedType(String declared, String field, String expected, JsonNode value) {
        String source = declared != null && isExpression(declared) ? compile(declared, field).source : declared;
        return failure(source, field, "returned an unexpected result type. Expected '" + expected
                + "', but was '" + JsonataValues.typeName(value) + "' for value: " + Json.write(value));
    }

    private static AslError failure(Expression expression, String field, String what) {
        return failure(expression.source, field, what);
    }

    private static AslError failure(String source, String field, String what) {
        return AslError.queryEvaluation("The JSONata expression '" + source + "' specified for the field '"
                + field + "' " + what, field);
    }

    /** The {@code $names} an expression mentions outside string literals (more than it uses is harmless). */
    static Set<String> referencedNames(String source) {
        Set<String> names = new HashSet<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i++;
                while (i < n && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '$' && i + 1 < n
                    && (Character.isLetter(source.charAt(i + 1)) || source.charAt(i + 1) == '_')) {
                int start = ++i;
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                    i++;
                }
                names.add(source.substring(start, i));
            } else {
                i++;
            }
        }
        return Set.copyOf(names);
    }
}
