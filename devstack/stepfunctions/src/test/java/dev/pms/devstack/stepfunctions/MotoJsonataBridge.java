package dev.pms.devstack.stepfunctions;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM half of moto's JSONata evaluation. moto 5.2.1 carries LocalStack's Step Functions engine, which
 * evaluates JSONata with com.dashjoin's Java port through JPype, a bridge moto does not ship: without it every
 * JSONata expression fails. The conformance launcher starts this process and sends it one expression per line
 * (a JSON string); each answer is one line, {@code {"value": …}} or {@code {"error": "…"}}. As in LocalStack's
 * bridge, the expression is evaluated with no input, and "nothing" comes back as JSON null.
 *
 * <p>Numbers: the port yields Java doubles for JSONata numbers; an integral one is written without ".0", as
 * JavaScript (and AWS) print it.
 */
public final class MotoJsonataBridge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoJsonataBridge() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // The port prints diagnostics to standard output; only answers may go there.
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            ObjectNode answer = JSON.createObjectNode();
            try {
                String expression = JSON.readValue(line, String.class);
                Object value = Jsonata.jsonata(expression).evaluate(null);
                answer.set("value", JSON.valueToTree(normalise(value)));
            } catch (Exception | StackOverflowError e) {
                answer.put("error", String.valueOf(e.getMessage()));
            }
            out.println(JSON.writeValueAsString(answer));
        }
    }

    private static Object normalise(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 9.007199254740992E15) {
            return number.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(key, normalise(element)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(normalise(element)));
            return copy;
        }
        return value;
    }
}
