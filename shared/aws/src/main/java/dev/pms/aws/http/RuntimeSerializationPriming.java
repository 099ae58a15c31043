package dev.pms.aws.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * Warms the Lambda Java runtime's own (de)serialisation of a handler's event and answer, which the runtime does outside
 * the handler: the same serializer the runtime interface client picks (its event serializers for {@code
 * aws-lambda-java-events} types, else its Jackson factory) writes and reads a sample event and writes a sample answer. The
 * runtime's classes are not on the function's build path, so they are found by name; outside Lambda's runtime (tests,
 * the devstack) there is nothing to warm.
 */
public final class RuntimeSerializationPriming {
    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";
    private static final String JACKSON = "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory";
    private static final String POJO_SERIALIZER = "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer";

    private RuntimeSerializationPriming() {
    }

    /**
     * Writes {@code event} as {@code eventType} and reads it back (the runtime reads every event), and writes
     * {@code answer} as {@code answerType}, with the serializers the runtime uses for them.
     */
    public static void prime(Type eventType, Object event, Type answerType, Object answer) {
        ClassLoader loader = RuntimeSerializationPriming.class.getClassLoader();
        try {
            Class<?> pojoSerializer = Class.forName(POJO_SERIALIZER, false, loader);
            Method fromJson = pojoSerializer.getMethod("fromJson", InputStream.class);
            Method toJson = pojoSerializer.getMethod("toJson", Object.class, OutputStream.class);
            Object eventSerializer = serializerFor(eventType, loader);
            ByteArrayOutputStream eventJson = new ByteArrayOutputStream();
            toJson.invoke(eventSerializer, event, eventJson);
            fromJson.invoke(eventSerializer, new ByteArrayInputStream(eventJson.toByteArray()));
            toJson.invoke(serializerFor(answerType, loader), answer, new ByteArrayOutputStream());
        } catch (ClassNotFoundException notInLambdasRuntime) {
            // tests and the devstack run handlers without the runtime interface client
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the runtime's serializer could not be primed", e);
        }
    }

    private static Object serializerFor(Type type, ClassLoader loader) throws ReflectiveOperationException {
        Class<?> events = Class.forName(EVENTS, false, loader);
        if (type instanceof Class<?> eventClass
                && (Boolean) events.getMethod("isLambdaSupportedEvent", String.class).invoke(null, eventClass.getName())) {
            return events.getMethod("serializerFor", Class.class, ClassLoader.class).invoke(null, eventClass, loader);
        }
        Class<?> jackson = Class.forName(JACKSON, false, loader);
        Object factory = jackson.getMethod("getInstance").invoke(null);
        return jackson.getMethod("getSerializer", Type.class).invoke(factory, type);
    }
}
