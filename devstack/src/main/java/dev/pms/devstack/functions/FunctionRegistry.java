package dev.pms.devstack.functions;

import dev.pms.emulators.LocalAws;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The template's functions, each with exactly the properties its application context gets: every
 * environment variable under its raw name and its Micronaut name ({@code TABLE_NAME} and
 * {@code table.name}), the AWS region, the emulators' endpoints and credentials, path-style S3, and
 * {@code micronaut.application.name}. Services started later (Step Functions) add theirs through
 * {@link #addFunctionProperties(Map)} before the first invocation.
 */
public final class FunctionRegistry implements AutoCloseable {

    private final Map<String, InProcessFunction> byLogicalId = new LinkedHashMap<>();
    private final Map<String, String> sharedProperties = new ConcurrentHashMap<>();
    private final List<Object> sharedBeans = new CopyOnWriteArrayList<>();

    public FunctionRegistry(List<FunctionDefinition> definitions, LocalAws localAws) {
        this(definitions, awsProperties(localAws));
    }

    FunctionRegistry(List<FunctionDefinition> definitions, Map<String, String> awsProperties) {
        sharedProperties.putAll(awsProperties);
        for (FunctionDefinition definition : definitions) {
            byLogicalId.put(definition.logicalId(),
                    new InProcessFunction(definition, () -> propertiesFor(definition), () -> List.copyOf(sharedBeans)));
        }
    }

    static Map<String, String> awsProperties(LocalAws localAws) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.region", localAws.region());
        properties.put("aws.services.dynamodb.endpoint-override", localAws.dynamoDbEndpoint().toString());
        properties.put("aws.services.s3.endpoint-override", localAws.s3Endpoint().toString());
        properties.put("aws.services.sqs.endpoint-override", localAws.sqsEndpoint().toString());
        properties.put("aws.local-credentials.access-key-id", localAws.accessKeyId());
        properties.put("aws.local-credentials.secret-access-key", localAws.secretAccessKey());
        properties.put("aws.s3.path-style-access", "true");
        properties.put("page.token.key", newPageTokenKey());
        return properties;
    }

    /** The key that signs paging tokens, as SSM would hold it in AWS: one per devstack, shared by every function. */
    private static String newPageTokenKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Adds properties for every function (e.g. {@code aws.services.sfn.endpoint-override}). */
    public void addFunctionProperties(Map<String, String> properties) {
        sharedProperties.putAll(properties);
    }

    /**
     * Adds beans to every function's application context loaded after this call (e.g. a benchmark's SDK
     * {@code ExecutionInterceptor} that meters the functions' calls).
     */
    public void addFunctionBeans(Object... beans) {
        sharedBeans.addAll(List.of(beans));
    }

    Map<String, String> propertiesFor(FunctionDefinition definition) {
        Map<String, String> properties = new LinkedHashMap<>();
        definition.environment().forEach((name, value) -> {
            properties.put(name, value);
            properties.put(micronautName(name), value);
        });
        properties.putAll(sharedProperties);
        properties.put("micronaut.application.name", definition.logicalId());
        return Collections.unmodifiableMap(properties);
    }

    /** {@code TABLE_NAME} → {@code table.name}, as Micronaut maps environment variables. */
    public static String micronautName(String environmentVariable) {
        return environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public Map<String, InProcessFunction> all() {
        return Collections.unmodifiableMap(byLogicalId);
    }

    public InProcessFunction get(String logicalId) {
        InProcessFunction function = byLogicalId.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("No function '" + logicalId + "' (known: "
                    + String.join(", ", byLogicalId.keySet()) + ")");
        }
        return function;
    }

    /** By logical id, function name or function ARN (what a Step Functions task names). */
    public Optional<InProcessFunction> find(String logicalIdNameOrArn) {
        InProcessFunction byId = byLogicalId.get(logicalIdNameOrArn);
        if (byId != null) {
            return Optional.of(byId);
        }
        return byLogicalId.values().stream()
                .filter(function -> function.definition().functionName().equals(logicalIdNameOrArn)
                        || function.definition().functionArn().equals(logicalIdNameOrArn)
                        || logicalIdNameOrArn.startsWith(function.definition().functionArn() + ":"))
                .findFirst();
    }

    @Override
    public void close() {
        byLogicalId.values().forEach(InProcessFunction::close);
    }
}
