package dev.pms.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pms.devstack.admin.AdminRoute;
import dev.pms.devstack.admin.ApiDocsAdmin;
import dev.pms.devstack.admin.SchedulesAdmin;
import dev.pms.devstack.auth.JwtAuthorizer;
import dev.pms.devstack.auth.LocalJwtIssuer;
import dev.pms.devstack.auth.LocalMediaShareKey;
import dev.pms.devstack.auth.RemoteJwks;
import dev.pms.devstack.edge.AwsEdge;
import dev.pms.devstack.functions.FunctionDefinition;
import dev.pms.devstack.functions.FunctionRegistry;
import dev.pms.devstack.gateway.ApiGateway;
import dev.pms.devstack.gateway.GatewayRequest;
import dev.pms.devstack.gateway.GatewayResponse;
import dev.pms.devstack.gateway.HttpApiModel;
import dev.pms.devstack.gateway.HttpApiRoute;
import dev.pms.devstack.gateway.RouteTable;
import dev.pms.devstack.schedules.ScheduleRunner;
import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.ProvisionedResources;
import dev.pms.emulators.SamTemplate;
import dev.pms.emulators.TemplateProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;

/**
 * The whole local AWS for the suite: emulators ({@link LocalAws}), the template's tables, buckets and
 * queues, every {@code AWS::Serverless::Function} in process, the HTTP API gateway with the JWT authorizer,
 * and any extra {@link LocalService} (the Step Functions engine, the SQS → Lambda event sources, the EventBridge
 * schedules).
 */
public final class Devstack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Devstack.class);
    public static final String API_PREFIX = "/api/product-marketing";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DevstackOptions options;
    private final SamTemplate template;
    private final LocalAws localAws;
    private final ProvisionedResources resources;
    private final FunctionRegistry functions;
    private final List<LocalService> services;
    private final LocalJwtIssuer jwtIssuer;
    private final HttpApiModel httpApis;
    private final Deque<AutoCloseable> closeInReverse;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Duration startupTime;
    private final SchedulesAdmin schedulesAdmin;
    private final ApiDocsAdmin apiDocsAdmin;
    private volatile ApiGateway gateway;
    private final Map<String, AdminRoute> adminRoutes;
    private final Map<String, AdminRoute.Handler> startedAdminRoutes = new ConcurrentHashMap<>();
    private volatile AwsEdge awsEdge;

    private Devstack(DevstackOptions options, SamTemplate template, LocalAws localAws, ProvisionedResources resources,
                     FunctionRegistry functions, List<LocalService> services, LocalJwtIssuer jwtIssuer,
                     HttpApiModel httpApis, Deque<AutoCloseable> closeInReverse, Duration startupTime) {
        this.options = options;
        this.template = template;
        this.localAws = localAws;
        this.resources = resources;
        this.functions = functions;
        this.services = services;
        this.jwtIssuer = jwtIssuer;
        this.httpApis = httpApis;
        this.closeInReverse = closeInReverse;
        this.startupTime = startupTime;
        this.schedulesAdmin = new SchedulesAdmin(schedules().orElse(null));
        this.apiDocsAdmin = new ApiDocsAdmin(httpApis.routes());
        this.adminRoutes = new LinkedHashMap<>();
        ServiceLoader.load(AdminRoute.class).forEach(route -> adminRoutes.putIfAbsent(route.path(), route));
    }

    public static Devstack start(DevstackOptions options) {
        long started = System.nanoTime();
        Path templatePath = options.template() != null ? options.template()
                : SamTemplate.findUpwards(Path.of(System.getProperty("user.dir"))).orElseThrow(() ->
                new IllegalStateException("No template.yaml in " + System.getProperty("user.dir")
                        + " or a parent directory; pass --template PATH"));
        SamTemplate template = SamTemplate.load(templatePath);
        Map<String, String> parameters = new LinkedHashMap<>(options.parameterOverrides());
        DevstackOptions.ExternalJwt external = options.externalJwt();
        HttpApiModel.jwtParameterRoles(template).forEach((parameter, role) -> parameters.put(parameter,
                role.equals("issuer") ? (external == null ? LocalJwtIssuer.ISSUER : external.issuer())
                        : (external == null ? LocalJwtIssuer.AUDIENCE : String.join(",", external.audiences()))));

        Path keyDirectory = options.signingKeyDirectory() != null ? options.signingKeyDirectory()
                : options.dataDir() != null ? options.dataDir() : LocalJwtIssuer.defaultHome();
        CompletableFuture<LocalJwtIssuer> issuer = CompletableFuture.supplyAsync(() -> LocalJwtIssuer.loadOrCreate(keyDirectory));

        Deque<AutoCloseable> closeInReverse = new ArrayDeque<>();
        try {
            LocalAws localAws = LocalAws.start(options.dataDir());
            closeInReverse.push(localAws);
            LOG.debug("emulators up after {} ms", (System.nanoTime() - started) / 1_000_000);
            ProvisionedResources resources = TemplateProvisioner.provision(localAws, template, parameters);
            LOG.debug("template provisioned after {} ms", (System.nanoTime() - started) / 1_000_000);
            IntrinsicResolver resolver = new IntrinsicResolver(template, parameters, resources);
            List<FunctionDefinition> definitions = FunctionDefinition.allOf(template, resolver, resources);
            warnAboutMissingHandlers(definitions);
            FunctionRegistry functions = new FunctionRegistry(definitions, localAws);
            closeInReverse.push(functions);
            functions.addFunctionProperties(Map.of("media.share.key", LocalMediaShareKey.loadOrCreate(keyDirectory)));
            List<LocalService> services = new ArrayList<>();
            for (LocalServiceFactory factory : options.services()) {
                LocalService service = factory.start(new LocalServiceFactory.Context(localAws, template, resources,
                        resolver, functions, options));
                closeInReverse.push(service);
                services.add(service);
                functions.addFunctionProperties(service.functionProperties());
            }
            HttpApiModel httpApis = HttpApiModel.of(template, functions.all().values().stream()
                    .map(function -> function.definition()).toList(), resolver, resources);
            LocalJwtIssuer jwtIssuer = join(issuer);
            LOG.debug("functions, services and signing key ready after {} ms", (System.nanoTime() - started) / 1_000_000);
            Devstack devstack = new Devstack(options, template, localAws, resources, functions,
                    Collections.unmodifiableList(services), jwtIssuer, httpApis, closeInReverse,
                    Duration.ofNanos(System.nanoTime() - started));
            JwtAuthorizer authorizer = external == null ? JwtAuthorizer.forLocalIssuer(jwtIssuer)
                    : new JwtAuthorizer(external.issuer(), external.audiences(),
                    new RemoteJwks(external.issuer(), external.jwksUrl(), Duration.ofSeconds(1), Clock.systemUTC()),
                    Clock.systemUTC());
            AwsEdge awsEdge = AwsEdge.start(0, endpointsBySigningName(localAws, services));
            closeInReverse.push(awsEdge);
            devstack.awsEdge = awsEdge;
            ApiGateway gateway = new ApiGateway(options.port(), httpApis, functions, authorizer,
                    devstack::devstackRoute);
            closeInReverse.push(gateway);
            devstack.gateway = gateway;
            return devstack;
        } catch (IOException | RuntimeException e) {
            closeAll(closeInReverse);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot open the gateway port " + options.port() + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The emulators by SigV4 signing name, for the one-endpoint {@link AwsEdge}. */
    private static Map<String, URI> endpointsBySigningName(LocalAws localAws, List<LocalService> services) {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        endpoints.put("dynamodb", localAws.dynamoDbEndpoint());
        endpoints.put("s3", localAws.s3Endpoint());
        endpoints.put("sqs", localAws.sqsEndpoint());
        services.stream().filter(service -> service.name().equals("stepfunctions") && service.endpoint() != null)
                .findFirst().ifPresent(stepFunctions -> endpoints.put("states", stepFunctions.endpoint()));
        return endpoints;
    }

    private static void warnAboutMissingHandlers(List<FunctionDefinition> definitions) {
        for (FunctionDefinition definition : definitions) {
            try {
                Class.forName(definition.handlerClass(), false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                LOG.warn("{}: handler class {} is not on the classpath; its routes will answer 500",
                        definition.logicalId(), definition.handlerClass());
            }
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return gateway.baseUri();
    }

    /** {@link #baseUri()} plus the API prefix ({@code /api/product-marketing} unless the routes say otherwise), no trailing slash. */
    public URI apiBase() {
        return URI.create(baseUri() + apiPrefix());
    }

    /**
     * The routes' common literal prefix; {@link #API_PREFIX} when some route starts with it (the campaign routes are
     * also served under {@code /api/campaign-creator}) or there are none.
     */
    public String apiPrefix() {
        List<String> paths = httpApis.routes().stream().filter(route -> !route.isDefaultRoute())
                .map(HttpApiRoute::path).toList();
        if (paths.isEmpty() || paths.stream().anyMatch(path -> path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/"))) {
            return API_PREFIX;
        }
        List<String> common = null;
        for (String path : paths) {
            List<String> segments = List.of(path.substring(1).split("/"));
            List<String> literal = segments.subList(0, Math.max(0, segments.size() - 1)).stream()
                    .takeWhile(segment -> !segment.startsWith("{")).toList();
            if (common == null) {
                common = literal;
            } else {
                int shared = 0;
                while (shared < common.size() && shared < literal.size() && common.get(shared).equals(literal.get(shared))) {
                    shared++;
                }
                common = common.subList(0, shared);
            }
        }
        return common.isEmpty() ? "" : "/" + String.join("/", common);
    }

    /**
     * Gateway, emulator endpoints and names: {@code gateway}, {@code api}, {@code aws} (one endpoint for every
     * service, for {@code AWS_ENDPOINT_URL}), {@code dynamodb}, {@code s3},
     * {@code sqs}, {@code region}, {@code table}, {@code bucket}, plus one entry per {@link LocalService}
     * with an endpoint (e.g. {@code stepfunctions}).
     */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("gateway", baseUri().toString());
        endpoints.put("api", apiBase().toString());
        endpoints.put("aws", awsEdge.endpoint().toString());
        endpoints.put("dynamodb", localAws.dynamoDbEndpoint().toString());
        endpoints.put("s3", localAws.s3Endpoint().toString());
        endpoints.put("sqs", localAws.sqsEndpoint().toString());
        endpoints.put("region", localAws.region());
        String table = mainName(resources.tableNames(), "AppTable");
        if (table != null) {
            endpoints.put("table", table);
        }
        String bucket = mainName(resources.bucketNames(), "MediaBucket");
        if (bucket != null) {
            endpoints.put("bucket", bucket);
        }
        services.stream().filter(service -> service.endpoint() != null)
                .forEach(service -> endpoints.put(service.name(), service.endpoint().toString()));
        return Collections.unmodifiableMap(endpoints);
    }

    /** Queue URLs by logical id. */
    public Map<String, String> queues() {
        return resources.queueUrls();
    }

    private static String mainName(Map<String, String> namesByLogicalId, String preferred) {
        if (namesByLogicalId.containsKey(preferred)) {
            return namesByLogicalId.get(preferred);
        }
        return namesByLogicalId.values().stream().findFirst().orElse(null);
    }

    /** A bearer token (12 h) the local authorizer accepts, for {@code sub = user}. */
    public String tokenFor(String user) {
        return jwtIssuer.tokenFor(user);
    }

    public LocalJwtIssuer jwtIssuer() {
        return jwtIssuer;
    }

    public LocalAws localAws() {
        return localAws;
    }

    public ProvisionedResources resources() {
        return resources;
    }

    public SamTemplate template() {
        return template;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    public List<HttpApiRoute> routes() {
        return new RouteTable(httpApis.routes()).routes();
    }

    /** The EventBridge schedules, when the {@code EventBridgeSchedules} service runs (it does by default). */
    public Optional<ScheduleRunner> schedules() {
        return services.stream().filter(ScheduleRunner.class::isInstance).map(ScheduleRunner.class::cast).findFirst();
    }

    public DevstackOptions options() {
        return options;
    }

    /** From {@link #start} until everything but the gateway socket was up. */
    public Duration startupTime() {
        return startupTime;
    }

    GatewayResponse devstackRoute(GatewayRequest request) {
        String path = request.rawPath();
        if (path.equals("/_devstack/endpoints") && request.method().equals("GET")) {
            Map<String, Object> body = new LinkedHashMap<>(endpoints());
            body.put("tables", resources.tableNames());
            body.put("buckets", resources.bucketNames());
            body.put("queues", resources.queueUrls());
            return GatewayResponse.json(200, json(body));
        }
        if (path.equals("/_devstack/jwks.json") && request.method().equals("GET")) {
            return GatewayResponse.json(200, jwtIssuer.publicJwksJson());
        }
        if (adminRoutes.containsKey(path)) {
            return adminRoute(path).handle(request);
        }
        if (SchedulesAdmin.handles(path)) {
            return schedulesAdmin.handle(request);
        }
        if (ApiDocsAdmin.handles(path)) {
            return apiDocsAdmin.handle(request);
        }
        return GatewayResponse.message(404, "Not Found");
    }

    private AdminRoute.Handler adminRoute(String path) {
        return startedAdminRoutes.computeIfAbsent(path, unstarted -> {
            AdminRoute.Handler handler = adminRoutes.get(path).start(localAws, mainName(resources.tableNames(), "AppTable"));
            synchronized (this) {
                closeInReverse.addLast(handler);
            }
            return handler;
        });
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the gateway, services and functions, then the emulators (DynamoDB is snapshotted with --data). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(closeInReverse);
        }
    }

    private static void closeAll(Deque<AutoCloseable> closeInReverse) {
        while (!closeInReverse.isEmpty()) {
            AutoCloseable next = closeInReverse.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
