package dev.pms.devstack.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.micronaut.context.ApplicationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function of the template, run in this JVM: on the first invocation (the cold call) the handler
 * class is loaded, given its own Micronaut {@link ApplicationContext} built from the function's properties,
 * and cached; later invocations go straight to the handler without any lock. Handlers are thread-safe, so
 * concurrent invocations are allowed, as Lambda's concurrent instances would be.
 */
public final class InProcessFunction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessFunction.class);

    /** The loaded handler and how to call it. */
    private record LoadedHandler(ApplicationContext context, Object handler, Method method) {
    }

    private final FunctionDefinition definition;
    private final Supplier<Map<String, String>> properties;
    private final Supplier<List<Object>> beans;
    private volatile LoadedHandler loaded;
    private volatile boolean closed;

    InProcessFunction(FunctionDefinition definition, Supplier<Map<String, String>> properties,
                      Supplier<List<Object>> beans) {
        this.definition = definition;
        this.properties = properties;
        this.beans = beans;
    }

    public FunctionDefinition definition() {
        return definition;
    }

    public String logicalId() {
        return definition.logicalId();
    }

    /** The exact properties its application context is built from. */
    public Map<String, String> properties() {
        return properties.get();
    }

    /** True once the handler is loaded (the next invocation is warm). */
    public boolean isWarm() {
        return loaded != null;
    }

    /**
     * The event type the handler declares: {@code I} of {@code RequestHandler<I, O>}, or the first parameter of
     * its handler method; {@code Object} when that cannot be told (class not found, raw types).
     */
    public Type eventType() {
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(definition.handlerClass(), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            return Object.class;
        }
        String name = definition.handlerMethod();
        if ((name == null || name.equals("handleRequest")) && RequestHandler.class.isAssignableFrom(handlerClass)) {
            Type declared = requestHandlerInput(handlerClass);
            if (declared != null) {
                return declared;
            }
        }
        String wanted = name == null ? "handleRequest" : name;
        return Arrays.stream(handlerClass.getMethods())
                .filter(method -> method.getName().equals(wanted) && !method.isBridge())
                .filter(method -> method.getParameterCount() == 1 || method.getParameterCount() == 2)
                .map(method -> method.getGenericParameterTypes()[0])
                .findFirst().orElse(Object.class);
    }

    private static Type requestHandlerInput(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Type implemented : current.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    Type input = parameterized.getActualTypeArguments()[0];
                    return input instanceof Class<?> || input instanceof ParameterizedType ? input : null;
                }
            }
        }
        return null;
    }

    /** Invokes the handler with {@code event}; a new request id each time. */
    public Object invoke(Object event) {
        return invoke(event, new LocalLambdaContext(definition, UUID.randomUUID().toString()));
    }

    public Object invoke(Object event, Context lambdaContext) {
        LoadedHandler handler = loaded;
        if (handler == null) {
            handler = load();
        }
        return call(handler, event, lambdaContext);
    }

    @SuppressWarnings("unchecked")
    private Object call(LoadedHandler handler, Object event, Context lambdaContext) {
        if (handler.method() == null) {
            return ((RequestHandler<Object, Object>) handler.handler()).handleRequest(event, lambdaContext);
        }
        try {
            return handler.method().getParameterCount() == 2
                    ? handler.method().invoke(handler.handler(), event, lambdaContext)
                    : handler.method().invoke(handler.handler(), event);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + handler.method(), e);
        }
    }

    private synchronized LoadedHandler load() {
        if (closed) {
            throw new IllegalStateException("Function " + logicalId() + " is closed");
        }
        if (loaded != null) {
            return loaded;
        }
        long started = System.nanoTime();
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(definition.handlerClass(), true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Handler class " + definition.handlerClass() + " of function "
                    + logicalId() + " is not on the classpath", e);
        }
        Map<String, Object> contextProperties = Map.copyOf(properties.get());
        ApplicationContext context = ApplicationContext.builder().properties(contextProperties)
                .singletons(beans.get().toArray()).build().start();
        try {
            Object handler = instantiate(handlerClass, context);
            Method method = handlerMethod(handlerClass, handler);
            loaded = new LoadedHandler(context, handler, method);
            LOG.debug("{} cold start: {} loaded in {} ms", logicalId(), handlerClass.getName(),
                    (System.nanoTime() - started) / 1_000_000);
            return loaded;
        } catch (RuntimeException | Error e) {
            context.close();
            throw e;
        }
    }

    private Object instantiate(Class<?> handlerClass, ApplicationContext context) {
        try {
            Constructor<?> withContext = handlerClass.getConstructor(ApplicationContext.class);
            return withContext.newInstance(context);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Handler " + handlerClass.getName() + " of function " + logicalId()
                    + " needs a public constructor taking io.micronaut.context.ApplicationContext", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Handler " + handlerClass.getName() + " failed to start: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create handler " + handlerClass.getName(), e);
        }
    }

    private Method handlerMethod(Class<?> handlerClass, Object handler) {
        String name = definition.handlerMethod();
        if ((name == null || name.equals("handleRequest")) && handler instanceof RequestHandler<?, ?>) {
            return null;
        }
        String wanted = name == null ? "handleRequest" : name;
        return Arrays.stream(handlerClass.getMethods())
                .filter(method -> method.getName().equals(wanted))
                .filter(method -> method.getParameterCount() == 1 || (method.getParameterCount() == 2
                        && Context.class.isAssignableFrom(method.getParameterTypes()[1])))
                .filter(method -> !method.isBridge())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Handler " + handlerClass.getName() + " has no public "
                        + wanted + "(event[, Context]) method (function " + logicalId() + ")"));
    }

    @Override
    public synchronized void close() {
        closed = true;
        LoadedHandler handler = loaded;
        loaded = null;
        if (handler != null) {
            if (handler.handler() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("closing {}: {}", logicalId(), e.toString());
                }
            }
            if (handler.context().isRunning()) {
                handler.context().close();
            }
        }
    }
}
