package dev.pms.devstack.stepfunctions.asl;

import com.dashjoin.jsonata.Jsonata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The functions AWS adds to JSONata in Step Functions ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random} with an optional seed, {@code $uuid}, {@code $parse}), and {@code $eval}, which AWS leaves
 * out ("use {@code $parse} instead").
 */
final class AwsJsonataFunctions {

    /** As for States.ArrayRange: AWS caps a generated range at 1,000 items. */
    static final int MAX_RANGE_ITEMS = 1000;

    private AwsJsonataFunctions() {
    }

    static void register(Jsonata expression) {
        expression.registerFunction("partition", Jsonata.function("partition",
                (Jsonata.Fn2<List<Object>, Number, Object>) AwsJsonataFunctions::partition, "<an:a>"));
        expression.registerFunction("range", Jsonata.function("range",
                (Jsonata.Fn3<Number, Number, Number, Object>) AwsJsonataFunctions::range, "<nnn:a>"));
        expression.registerFunction("hash", Jsonata.function("hash",
                (Jsonata.Fn2<String, String, Object>) AwsJsonataFunctions::hash, "<ss:s>"));
        expression.registerFunction("random", Jsonata.function("random",
                (Jsonata.Fn1<Number, Object>) AwsJsonataFunctions::random, "<n?:n>"));
        expression.registerFunction("uuid", Jsonata.function("uuid",
                (Jsonata.Fn0<Object>) () -> UUID.randomUUID().toString(), "<:s>"));
        expression.registerFunction("parse", Jsonata.function("parse",
                (Jsonata.Fn1<String, Object>) AwsJsonataFunctions::parse, "<s:x>"));
        expression.assign("eval", null);
    }

    static Object partition(List<Object> array, Number size) {
        if (size == null || size.doubleValue() != Math.rint(size.doubleValue()) || size.longValue() <= 0) {
            throw new IllegalArgumentException("$partition: the chunk size must be a positive integer, got " + size);
        }
        int chunk = (int) Math.min(Integer.MAX_VALUE, size.longValue());
        List<Object> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i += chunk) {
            result.add(new ArrayList<>(array.subList(i, Math.min(array.size(), i + chunk))));
        }
        return result;
    }

    static Object range(Number start, Number end, Number step) {
        long from = integer("$range", start);
        long to = integer("$range", end);
        long by = integer("$range", step);
        if (by == 0) {
            throw new IllegalArgumentException("$range: the step must not be 0");
        }
        List<Object> result = new ArrayList<>();
        for (long v = from; by > 0 ? v <= to : v >= to; v += by) {
            if (result.size() >= MAX_RANGE_ITEMS) {
                throw new IllegalArgumentException("$range: at most " + MAX_RANGE_ITEMS + " items");
            }
            result.add(v);
        }
        return result;
    }

    static Object hash(String data, String algorithm) {
        String javaName = switch (algorithm) {
            case "MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512" -> algorithm;
            default -> throw new IllegalArgumentException("$hash: unsupported algorithm '" + algorithm
                    + "' (MD5, SHA-1, SHA-256, SHA-384, SHA-512)");
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(javaName)
                    .digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A number in [0, 1); the same for the same seed, as AWS documents for {@code $random(seed)}. */
    static Object random(Number seed) {
        return seed == null ? ThreadLocalRandom.current().nextDouble() : new Random(seed.longValue()).nextDouble();
    }

    static Object parse(String text) {
        try {
            return JsonataValues.toJava(Json.parse(text)).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("$parse: the argument is not JSON text: " + e.getMessage());
        }
    }

    private static long integer(String function, Number value) {
        double number = value.doubleValue();
        if (number != Math.rint(number)) {
            throw new IllegalArgumentException(function + ": expected integers, got " + value);
        }
        return value.longValue();
    }
}
