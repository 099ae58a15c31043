package dev.pms.devstack.functions;

import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.ProvisionedResources;
import dev.pms.emulators.SamTemplate;
import dev.pms.emulators.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;

/**
 * An {@code AWS::Serverless::Function} as the devstack runs it: handler class (and method), memory and
 * timeout (function, else Globals, else SAM's defaults), and its environment variables (Globals merged with
 * the function's own, intrinsics resolved).
 */
public record FunctionDefinition(String logicalId, String functionName, String functionArn, String handlerClass,
                                 String handlerMethod, int memorySizeMb, int timeoutSeconds,
                                 Map<String, String> environment, Map<String, Object> events) {

    static final int DEFAULT_MEMORY_MB = 128;
    static final int DEFAULT_TIMEOUT_SECONDS = 3;

    public FunctionDefinition {
        // template order is kept: routes are listed, and the console shows them, as declared
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    /** Every serverless function of the template, in template order. */
    public static List<FunctionDefinition> allOf(SamTemplate template, IntrinsicResolver resolver,
                                                 ProvisionedResources resources) {
        Map<String, Object> globals = template.globalsFor("Function");
        return template.resourcesOfType(ProvisionedResources.SERVERLESS_FUNCTION).stream()
                .filter(resource -> resources.find(resource.logicalId()).isPresent())
                .map(resource -> of(resource, globals, resolver, resources))
                .toList();
    }

    static FunctionDefinition of(SamTemplate.Resource resource, Map<String, Object> globals,
                                 IntrinsicResolver resolver, ProvisionedResources resources) {
        String where = "Resources." + resource.logicalId() + ".Properties";
        Map<String, Object> properties = resource.properties();
        String handler = resolver.resolveString(properties.get("Handler"), where + ".Handler");
        if (handler == null || handler.isBlank()) {
            throw new TemplateException(where + ".Handler is missing");
        }
        String handlerClass = handler;
        String handlerMethod = null;
        int separator = handler.indexOf("::");
        if (separator > 0) {
            handlerClass = handler.substring(0, separator);
            handlerMethod = handler.substring(separator + 2);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.putAll(variables(globals.get("Environment"), "Globals.Function.Environment", resolver));
        environment.putAll(variables(properties.get("Environment"), where + ".Environment", resolver));
        Map<String, Object> events = properties.get("Events") instanceof Map<?, ?> declared
                ? SamTemplate.asMapOf(declared) : Map.of();
        ProvisionedResources.Resource provisioned = resources.get(resource.logicalId());
        return new FunctionDefinition(resource.logicalId(), provisioned.physicalName(), provisioned.arn(),
                handlerClass, handlerMethod,
                intValue(properties.getOrDefault("MemorySize", globals.get("MemorySize")), DEFAULT_MEMORY_MB,
                        where + ".MemorySize", resolver),
                intValue(properties.getOrDefault("Timeout", globals.get("Timeout")), DEFAULT_TIMEOUT_SECONDS,
                        where + ".Timeout", resolver),
                environment, events);
    }

    private static Map<String, String> variables(Object environment, String where, IntrinsicResolver resolver) {
        if (environment == null) {
            return Map.of();
        }
        Object declared = SamTemplate.asMapOf(environment).get("Variables");
        if (declared == null) {
            return Map.of();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        SamTemplate.asMapOf(declared).forEach((name, value) -> {
            String resolved = resolver.resolveString(value, where + ".Variables." + name);
            if (resolved != null) {
                variables.put(name, resolved);
            }
        });
        return variables;
    }

    private static int intValue(Object declared, int fallback, String where, IntrinsicResolver resolver) {
        if (declared == null) {
            return fallback;
        }
        String value = resolver.resolveString(declared, where);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TemplateException(where + " must be a number but is '" + value + "'");
        }
    }
}
