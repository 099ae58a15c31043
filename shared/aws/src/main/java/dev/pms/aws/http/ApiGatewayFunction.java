package dev.pms.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.Context;
import dev.pms.aws.observability.FunctionTelemetry;
import dev.pms.aws.observability.LogCorrelation;
import dev.pms.core.error.DomainException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.observability.OperationalMetrics;
import dev.pms.core.personalization.PreferenceSignals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Lambda entry point for an HTTP API (payload format 2.0) endpoint group. Dispatches on the event's
 * {@code routeKey}, so a function serves exactly the routes template.yaml sends it; turns every
 * failure into a problem response and never lets exception text reach the caller.
 */
public abstract class ApiGatewayFunction extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayFunction.class);
    private static final String MAX_BODY_PROPERTY = "api.max.body.bytes";
    private static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    private static final String LAMBDA_INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    private static final String LAMBDA_ENVIRONMENT = "lambda";

    private final Map<String, ApiRoute> routesByKey;
    private final int maxBodyBytes;
    private final SnapStartPriming priming;
    private final FunctionTelemetry telemetry;
    private final OperationalMetrics metrics;

    protected ApiGatewayFunction() {
        super();
        ApiController controller = getApplicationContext().getBean(controllerType());
        this.routesByKey = index(controller.routes());
        this.maxBodyBytes = getApplicationContext().getProperty(MAX_BODY_PROPERTY, Integer.class, DEFAULT_MAX_BODY_BYTES);
        this.priming = SnapStartPriming.register(controller);
        this.telemetry = FunctionTelemetry.of(getApplicationContext(), getClass());
        this.metrics = getApplicationContext().findBean(OperationalMetrics.class).orElse(OperationalMetrics.NONE);
        if (primingType() != null) {
            // made now, so it is registered before the snapshot; the application context holds it
            getApplicationContext().findBean(primingType()).ifPresent(priming -> priming.attach(this));
        }
    }

    protected ApiGatewayFunction(ApplicationContext context) {
        super(context);
        this.routesByKey = index(getApplicationContext().getBean(controllerType()).routes());
        this.maxBodyBytes = getApplicationContext().getProperty(MAX_BODY_PROPERTY, Integer.class, DEFAULT_MAX_BODY_BYTES);
        this.priming = null;
        this.telemetry = FunctionTelemetry.of(getApplicationContext(), getClass());
        this.metrics = getApplicationContext().findBean(OperationalMetrics.class).orElse(OperationalMetrics.NONE);
    }

    /**
     * Micronaut's Lambda context builds every singleton (and configuration bean) of the class path at INIT. An
     * on-demand instance pays INIT on its first request, so it makes only what this function's controller needs, on
     * first use; an instance initialising for a SnapStart snapshot keeps the eager start, so everything is in the
     * snapshot and no restored instance builds it.
     */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return contextBuilderFor(System.getenv(LAMBDA_INITIALIZATION_TYPE));
    }

    /** The Lambda context (environments {@code function} and {@code lambda}), eager only for a SnapStart snapshot. */
    static ApplicationContextBuilder contextBuilderFor(String initializationType) {
        if (PrimingResource.SNAPSHOT_INITIALIZATION.equals(initializationType)) {
            return new LambdaApplicationContextBuilder();
        }
        // Micronaut's builder can only add eager initialisation, so the lazy one is built without it
        return ApplicationContext.builder().environments(Environment.FUNCTION, LAMBDA_ENVIRONMENT);
    }

    protected abstract Class<? extends ApiController> controllerType();

    /**
     * The function's SnapStart priming (real requests through this handler before the snapshot): a bean that exists
     * only when Lambda initialises for a snapshot ({@link PrimingResource#SNAPSHOT_INITIALIZATION}); none by default.
     */
    protected Class<? extends ApiPriming> primingType() {
        return null;
    }

    /** The route keys this function serves, for the template consistency check. */
    public final List<String> routeKeys() {
        return List.copyOf(routesByKey.keySet());
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        return telemetry.around(getApplicationContext().findBean(Context.class).orElse(null), () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        String requestId = requestIdOf(event);
        LogCorrelation.start().with("correlation_id", requestId);
        ApiRoute route = event.getRouteKey() == null ? null : routesByKey.get(event.getRouteKey());
        ApiResponse response;
        try {
            if (route == null) {
                response = Problems.problem(404, "not-found", "Not Found",
                        "no route " + event.getRouteKey(), List.of(), requestId);
            } else {
                response = dispatch(route, event, requestId);
            }
        } catch (DomainException failure) {
            response = Problems.of(failure, requestId);
        } catch (RuntimeException unexpected) {
            LOG.error("request {} on {} failed", requestId, event.getRouteKey(), unexpected);
            response = Problems.problem(500, "internal-error", "Internal Server Error",
                    "the request could not be completed; quote request id " + requestId, List.of(), requestId);
        }
        awaitPreferenceSignals();
        if (response.status() == 402 || response.status() == 429) {
            metrics.reservationRefused("api");
        }
        LOG.info("{} answered {} in {} ms", event.getRouteKey(), response.status(),
                (System.nanoTime() - started) / 1_000_000);
        return toEvent(response);
    }

    /**
     * Gives the preference signals this request recorded their bounded wait (see
     * {@link PreferenceSignals#awaitRecorded()}); only where the function made the signals bean, and never failing.
     */
    private void awaitPreferenceSignals() {
        try {
            getApplicationContext().getActiveBeanRegistrations(PreferenceSignals.class)
                    .forEach(registration -> registration.bean().awaitRecorded());
        } catch (RuntimeException e) {
            LOG.warn("could not wait for preference signals: {}", e.getClass().getSimpleName());
        }
    }

    private ApiResponse dispatch(ApiRoute route, APIGatewayV2HTTPEvent event, String requestId) {
        Map<String, String> headers = lowerCaseKeys(event.getHeaders());
        String userId = CallerSubject.of(event, headers);
        Map<String, String> pathParameters = orEmpty(event.getPathParameters());
        LogCorrelation.start().user(userId)
                .with(LogCorrelation.CAMPAIGN_ID, pathParameters.get("campaign_id"))
                .with(LogCorrelation.ASSET_ID, pathParameters.get("asset_id"))
                .with(LogCorrelation.JOB_ID, pathParameters.get("job_id"));
        if (route.authenticated() && userId == null) {
            return Problems.problem(401, "unauthenticated", "Unauthorized",
                    "A bearer token whose subject is a non-empty string of at most " + CallerSubject.MAX_LENGTH
                            + " characters is required.", List.of(), requestId);
        }
        String body = bodyOf(event);
        ApiRequest request = new ApiRequest(
                event.getRouteKey(),
                event.getRawPath(),
                pathParameters,
                orEmpty(event.getQueryStringParameters()),
                headers,
                body,
                userId,
                requestId);
        return route.action().handle(request);
    }

    private String bodyOf(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null) {
            return null;
        }
        byte[] bytes = event.getIsBase64Encoded()
                ? decodeBase64(raw)
                : raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] decodeBase64(String raw) {
        try {
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("body", "is not valid base64");
        }
    }

    private static String requestIdOf(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context != null && context.getRequestId() != null) {
            return context.getRequestId();
        }
        return UUID.randomUUID().toString();
    }

    static APIGatewayV2HTTPResponse toEvent(ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.putIfAbsent("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    private static Map<String, ApiRoute> index(List<ApiRoute> routes) {
        Map<String, ApiRoute> byKey = new LinkedHashMap<>();
        for (ApiRoute route : routes) {
            for (String key : ApiPrefixes.servedKeys(route.routeKey())) {
                if (byKey.put(key, route) != null) {
                    throw new IllegalStateException("route declared twice: " + key);
                }
            }
        }
        return Map.copyOf(byKey);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        return lower;
    }
}
