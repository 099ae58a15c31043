package dev.pms.devstack.gateway;

import dev.pms.devstack.functions.FunctionDefinition;
import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.ProvisionedResources;
import dev.pms.emulators.SamTemplate;
import dev.pms.emulators.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Objects;

/**
 * The HTTP APIs of a template as the gateway serves them: routes from every function event of
 * {@code Type: HttpApi}, each API's default authorizer (JWT only) and CORS configuration. The implicit API
 * of events without {@code ApiId} takes its settings from {@code Globals.HttpApi}.
 */
public final class HttpApiModel {

    public static final String IMPLICIT_API = "ServerlessHttpApi";

    /** CORS as declared by {@code CorsConfiguration}. */
    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

        public boolean allowsOrigin(String origin) {
            return origin != null && (allowOrigins.contains("*") || allowOrigins.contains(origin));
        }
    }

    /** One HTTP API: the authorizer routes get by default (null = none) and its CORS settings (null = none). */
    public record Api(String logicalId, String apiId, String defaultAuthorizer, Set<String> jwtAuthorizers, Cors cors) {
    }

    private final Map<String, Api> apis;
    private final List<HttpApiRoute> routes;
    private final Set<String> jwtParameterNames;

    private HttpApiModel(Map<String, Api> apis, List<HttpApiRoute> routes, Set<String> jwtParameterNames) {
        this.apis = Map.copyOf(apis);
        this.routes = List.copyOf(routes);
        this.jwtParameterNames = Set.copyOf(jwtParameterNames);
    }

    /**
     * Names of the template parameters the JWT authorizers take their issuer and audience from; the devstack
     * replaces them with its local issuer and audience. Readable before anything is resolved.
     */
    public static Map<String, String> jwtParameterRoles(SamTemplate template) {
        Map<String, String> roles = new LinkedHashMap<>();
        List<Map<String, Object>> authConfigs = new ArrayList<>();
        for (SamTemplate.Resource api : template.resourcesOfType(ProvisionedResources.SERVERLESS_HTTP_API)) {
            if (api.properties().get("Auth") instanceof Map<?, ?> auth) {
                authConfigs.add(SamTemplate.asMapOf(auth));
            }
        }
        if (template.globalsFor("HttpApi").get("Auth") instanceof Map<?, ?> auth) {
            authConfigs.add(SamTemplate.asMapOf(auth));
        }
        for (Map<String, Object> auth : authConfigs) {
            if (!(auth.get("Authorizers") instanceof Map<?, ?> authorizers)) {
                continue;
            }
            for (Object authorizer : authorizers.values()) {
                if (authorizer instanceof Map<?, ?> definition && definition.get("JwtConfiguration") instanceof Map<?, ?> jwt) {
                    collectRefs(jwt.get("issuer"), "issuer", roles);
                    collectRefs(jwt.get("audience"), "audience", roles);
                }
            }
        }
        return roles;
    }

    private static void collectRefs(Object value, String role, Map<String, String> roles) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String parameter) {
            roles.put(parameter, role);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, role, roles));
        }
    }

    public static HttpApiModel of(SamTemplate template, List<FunctionDefinition> functions, IntrinsicResolver resolver,
                                  ProvisionedResources resources) {
        Map<String, Api> apis = new LinkedHashMap<>();
        for (SamTemplate.Resource api : template.resourcesOfType(ProvisionedResources.SERVERLESS_HTTP_API)) {
            if (resources.find(api.logicalId()).isPresent()) {
                apis.put(api.logicalId(), api(api.logicalId(), resources.get(api.logicalId()).ref(),
                        api.properties(), template.globalsFor("HttpApi"), resolver));
            }
        }
        List<HttpApiRoute> routes = new ArrayList<>();
        for (FunctionDefinition function : functions) {
            function.events().forEach((eventName, declared) -> {
                Map<String, Object> event = SamTemplate.asMapOf(declared);
                if (!"HttpApi".equals(event.get("Type"))) {
                    return;
                }
                String where = "Resources." + function.logicalId() + ".Properties.Events." + eventName;
                Map<String, Object> properties = event.get("Properties") == null ? Map.of()
                        : SamTemplate.asMapOf(event.get("Properties"));
                String apiLogicalId = apiLogicalId(properties.get("ApiId"), where);
                Api api = apis.computeIfAbsent(apiLogicalId, implicit -> {
                    if (!implicit.equals(IMPLICIT_API)) {
                        throw new TemplateException(where + ".ApiId names " + implicit
                                + ", which is not an AWS::Serverless::HttpApi of the template");
                    }
                    return api(IMPLICIT_API, IMPLICIT_API.toLowerCase(Locale.ROOT), Map.of(),
                            template.globalsFor("HttpApi"), resolver);
                });
                String path = properties.get("Path") == null ? HttpApiRoute.DEFAULT_ROUTE
                        : resolver.resolveString(properties.get("Path"), where + ".Path");
                String method = properties.get("Method") == null ? HttpApiRoute.ANY
                        : resolver.resolveString(properties.get("Method"), where + ".Method");
                if (method.equalsIgnoreCase("x-amazon-apigateway-any-method")) {
                    method = HttpApiRoute.ANY;
                }
                String authorizer = api.defaultAuthorizer();
                List<String> scopes = List.of();
                if (properties.get("Auth") instanceof Map<?, ?> auth) {
                    if (auth.get("Authorizer") != null) {
                        authorizer = String.valueOf(auth.get("Authorizer"));
                    }
                    if (auth.get("AuthorizationScopes") instanceof List<?> declaredScopes) {
                        scopes = declaredScopes.stream().map(String::valueOf).toList();
                    }
                }
                if ("NONE".equals(authorizer)) {
                    authorizer = null;
                }
                if (authorizer != null && !api.jwtAuthorizers().contains(authorizer)) {
                    throw new TemplateException(where + ".Auth: authorizer '" + authorizer + "' is not a JWT authorizer"
                            + " of " + api.logicalId() + " (the devstack supports JWT authorizers only)");
                }
                routes.add(new HttpApiRoute(method, path, function.logicalId(), api.apiId(), authorizer, scopes));
            });
        }
        return new HttpApiModel(apis, routes, jwtParameterRoles(template).keySet());
    }

    private static String apiLogicalId(Object apiId, String where) {
        if (apiId == null) {
            return IMPLICIT_API;
        }
        if (apiId instanceof Map<?, ?> ref && ref.get("Ref") instanceof String logicalId) {
            return logicalId;
        }
        throw new TemplateException(where + ".ApiId must be a !Ref to an AWS::Serverless::HttpApi");
    }

    private static Api api(String logicalId, String apiId, Map<String, Object> properties, Map<String, Object> globals,
                           IntrinsicResolver resolver) {
        String where = "Resources." + logicalId + ".Properties";
        Object auth = properties.containsKey("Auth") ? properties.get("Auth") : globals.get("Auth");
        String defaultAuthorizer = null;
        Set<String> jwtAuthorizers = new LinkedHashSet<>();
        if (auth instanceof Map<?, ?> authMap) {
            if (authMap.get("Authorizers") instanceof Map<?, ?> authorizers) {
                authorizers.forEach((name, definition) -> {
                    if (definition instanceof Map<?, ?> map && map.get("JwtConfiguration") != null) {
                        jwtAuthorizers.add(String.valueOf(name));
                    }
                });
            }
            if (authMap.get("DefaultAuthorizer") != null) {
                defaultAuthorizer = String.valueOf(authMap.get("DefaultAuthorizer"));
                if (!jwtAuthorizers.contains(defaultAuthorizer)) {
                    throw new TemplateException(where + ".Auth.DefaultAuthorizer '" + defaultAuthorizer
                            + "' is not a JWT authorizer declared under Auth.Authorizers"
                            + " (the devstack supports JWT authorizers only)");
                }
            }
        }
        Object corsDeclared = properties.containsKey("CorsConfiguration")
                ? properties.get("CorsConfiguration") : globals.get("CorsConfiguration");
        Cors cors = null;
        if (Boolean.TRUE.equals(corsDeclared) || "true".equals(corsDeclared)) {
            cors = new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        } else if (corsDeclared instanceof Map<?, ?>) {
            Map<String, Object> declared = SamTemplate.asMapOf(resolver.resolve(corsDeclared, where + ".CorsConfiguration"));
            cors = new Cors(strings(declared.get("AllowOrigins")), strings(declared.get("AllowMethods")),
                    strings(declared.get("AllowHeaders")), strings(declared.get("ExposeHeaders")),
                    declared.get("MaxAge") == null ? null : Integer.valueOf(String.valueOf(declared.get("MaxAge"))),
                    Boolean.parseBoolean(String.valueOf(declared.get("AllowCredentials"))));
        }
        return new Api(logicalId, apiId, defaultAuthorizer, Set.copyOf(jwtAuthorizers), cors);
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    public Map<String, Api> apis() {
        return apis;
    }

    public Api apiById(String apiId) {
        return apis.values().stream().filter(api -> api.apiId().equals(apiId)).findFirst().orElse(null);
    }

    public List<HttpApiRoute> routes() {
        return routes;
    }

    public Set<String> jwtParameterNames() {
        return jwtParameterNames;
    }

    /** The CORS settings of the (first) API that declares any. */
    public Cors cors() {
        return apis.values().stream().map(Api::cors).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
