package dev.pms.aws.observability;

import com.amazonaws.services.lambda.runtime.Context;
import dev.pms.core.observability.OperationalMetrics;
import io.micronaut.context.ApplicationContext;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What surrounds each invocation of a handler: Powertools' logging context (function name, request id, cold start,
 * service) on every JSON log line, and the EMF metrics the invocation recorded flushed at its end. This is the
 * functional Powertools API because {@code MicronautRequestHandler.handleRequest} is final (no annotations).
 * Cold start is this handler's first invocation, so functions sharing a JVM (the devstack) each report their own.
 * With {@value #POWERTOOLS_PROPERTY}{@code =false} the invocation runs bare (the cold start benchmark's baseline).
 */
public final class FunctionTelemetry {
    public static final String POWERTOOLS_PROPERTY = "pms.telemetry.powertools";
    private static final String COLD_START = "cold_start";
    private static final String FUNCTION_NAME = "function_name";
    private static final String MICRONAUT_KEY_PREFIX = "AWS";

    private final String functionName;
    private final OperationalMetrics metrics;
    private final boolean powertools;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);

    public FunctionTelemetry(String functionName, OperationalMetrics metrics, boolean powertools) {
        this.functionName = functionName;
        this.metrics = metrics;
        this.powertools = powertools;
    }

    /** The telemetry of the function whose context this is: its metrics bean and the Powertools switch. */
    public static FunctionTelemetry of(ApplicationContext context, Class<?> handler) {
        String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        return new FunctionTelemetry(name == null ? handler.getSimpleName() : name,
                context.findBean(OperationalMetrics.class).orElse(OperationalMetrics.NONE),
                context.getProperty(POWERTOOLS_PROPERTY, Boolean.class, true));
    }

    public <T> T around(Context lambdaContext, Supplier<T> invocation) {
        boolean cold = coldStart.getAndSet(false);
        if (!powertools) {
            try {
                return invocation.get();
            } finally {
                MDC.clear();
            }
        }
        Supplier<T> measured = () -> {
            dropMicronautContextKeys();
            MDC.put(COLD_START, Boolean.toString(cold));
            if (MDC.get(FUNCTION_NAME) == null) {
                MDC.put(FUNCTION_NAME, functionName);
            }
            return metrics instanceof EmfMetrics emf ? emf.collect(invocation) : invocation.get();
        };
        if (lambdaContext == null) {
            try {
                return measured.get();
            } finally {
                MDC.clear();
            }
        }
        return PowertoolsLogging.withLogging(lambdaContext, measured);
    }

    /** Micronaut puts the Lambda context in the MDC too (AWSRequestId, …): Powertools' fields already say it. */
    private static void dropMicronautContextKeys() {
        Map<String, String> keys = MDC.getCopyOfContextMap();
        if (keys != null) {
            keys.keySet().stream().filter(key -> key.startsWith(MICRONAUT_KEY_PREFIX)).forEach(MDC::remove);
        }
    }
}
