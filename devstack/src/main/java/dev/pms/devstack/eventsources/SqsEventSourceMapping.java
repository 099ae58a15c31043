package dev.pms.devstack.eventsources;

import dev.pms.devstack.functions.FunctionDefinition;
import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.ProvisionedResources;
import dev.pms.emulators.SamTemplate;
import dev.pms.emulators.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One function event of {@code Type: SQS}, read and checked the way SAM and Lambda would: the queue
 * (a queue of this template, by ARN), {@code BatchSize} (default 10), {@code MaximumBatchingWindowInSeconds}
 * (default 0), {@code FunctionResponseTypes: [ReportBatchItemFailures]}, {@code Enabled} and
 * {@code ScalingConfig.MaximumConcurrency} (default {@value #DEFAULT_MAXIMUM_CONCURRENCY}).
 * What the devstack cannot do as Lambda does ({@code FilterCriteria}) fails with the function and property named.
 */
public record SqsEventSourceMapping(String functionLogicalId, String eventName, String queueLogicalId,
                                    String queueUrl, String queueArn, boolean fifo, int batchSize,
                                    int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                                    int maximumConcurrency, boolean enabled) {

    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final int DEFAULT_MAXIMUM_CONCURRENCY = 5;
    static final int DEFAULT_QUEUE_VISIBILITY_TIMEOUT_SECONDS = 30;

    /** Accepted as Lambda accepts them, without a local effect. */
    private static final Set<String> IGNORED_PROPERTIES = Set.of("KmsKeyArn", "MetricsConfig", "ProvisionedPollerConfig");
    private static final Set<String> SUPPORTED_PROPERTIES = Set.of("Queue", "BatchSize", "MaximumBatchingWindowInSeconds",
            "FunctionResponseTypes", "Enabled", "ScalingConfig");

    /** Every SQS event of every function, in template order; disabled ones included ({@link #enabled()} false). */
    public static List<SqsEventSourceMapping> allOf(List<FunctionDefinition> functions, SamTemplate template,
                                                    IntrinsicResolver resolver, ProvisionedResources resources) {
        List<SqsEventSourceMapping> mappings = new ArrayList<>();
        for (FunctionDefinition function : functions) {
            function.events().forEach((eventName, declared) -> {
                Map<String, Object> event = SamTemplate.asMapOf(declared);
                if ("SQS".equals(event.get("Type"))) {
                    mappings.add(of(function, eventName, event.get("Properties"), template, resolver, resources));
                }
            });
        }
        return List.copyOf(mappings);
    }

    static SqsEventSourceMapping of(FunctionDefinition function, String eventName, Object declaredProperties,
                                    SamTemplate template, IntrinsicResolver resolver, ProvisionedResources resources) {
        String where = "Function " + function.logicalId() + ", event " + eventName + " (Type: SQS)";
        if (declaredProperties == null) {
            throw new TemplateException(where + ": Properties.Queue is missing");
        }
        Map<String, Object> properties = SamTemplate.asMapOf(resolver.resolve(declaredProperties,
                "Resources." + function.logicalId() + ".Properties.Events." + eventName + ".Properties"));
        for (String property : properties.keySet()) {
            if (property.equals("FilterCriteria")) {
                throw new TemplateException(where + ": FilterCriteria is not supported by the devstack (Lambda deletes "
                        + "the messages a filter drops; the local poller would hand them to the function); remove it "
                        + "or filter in the handler");
            }
            if (!SUPPORTED_PROPERTIES.contains(property) && !IGNORED_PROPERTIES.contains(property)) {
                throw new TemplateException(where + ": unknown property " + property + " (supported: "
                        + String.join(", ", SUPPORTED_PROPERTIES.stream().sorted().toList()) + "; accepted and ignored: "
                        + String.join(", ", IGNORED_PROPERTIES.stream().sorted().toList()) + ")");
            }
        }

        Object queueArn = properties.get("Queue");
        if (queueArn == null) {
            throw new TemplateException(where + ": Properties.Queue is missing");
        }
        ProvisionedResources.Resource queue = resources.ofType(ProvisionedResources.SQS_QUEUE).stream()
                .filter(candidate -> candidate.arn().equals(String.valueOf(queueArn)))
                .findFirst()
                .orElseThrow(() -> new TemplateException(where + ": Queue " + queueArn + " is not a queue of this "
                        + "template (use !GetAtt <Queue>.Arn)"));
        boolean fifo = queue.physicalName().endsWith(".fifo");

        int batchSize = intProperty(properties, "BatchSize", DEFAULT_BATCH_SIZE, where);
        int window = intProperty(properties, "MaximumBatchingWindowInSeconds", 0, where);
        if (fifo) {
            requireRange(batchSize, 1, 10, where, "BatchSize (FIFO queue)");
            if (properties.containsKey("MaximumBatchingWindowInSeconds")) {
                throw new TemplateException(where + ": MaximumBatchingWindowInSeconds is not supported for FIFO queues");
            }
        } else {
            requireRange(batchSize, 1, 10_000, where, "BatchSize");
            requireRange(window, 0, 300, where, "MaximumBatchingWindowInSeconds");
            if (batchSize > 10 && window < 1) {
                throw new TemplateException(where + ": BatchSize " + batchSize
                        + " needs MaximumBatchingWindowInSeconds of at least 1 (BatchSize above 10)");
            }
        }

        boolean reportBatchItemFailures = false;
        Object responseTypes = properties.get("FunctionResponseTypes");
        if (responseTypes != null) {
            if (!(responseTypes instanceof List<?> types) || !types.stream().allMatch("ReportBatchItemFailures"::equals)) {
                throw new TemplateException(where + ": FunctionResponseTypes must be [ReportBatchItemFailures] but is "
                        + responseTypes);
            }
            reportBatchItemFailures = !types.isEmpty();
        }

        int maximumConcurrency = DEFAULT_MAXIMUM_CONCURRENCY;
        Object scaling = properties.get("ScalingConfig");
        if (scaling != null) {
            maximumConcurrency = intProperty(SamTemplate.asMapOf(scaling), "MaximumConcurrency",
                    DEFAULT_MAXIMUM_CONCURRENCY, where + " ScalingConfig");
            requireRange(maximumConcurrency, 2, 1000, where, "ScalingConfig.MaximumConcurrency");
        }

        boolean enabled = !"false".equalsIgnoreCase(String.valueOf(properties.getOrDefault("Enabled", true)));

        int visibilityTimeout = queueVisibilityTimeout(template, queue.logicalId(), resolver);
        if (visibilityTimeout < function.timeoutSeconds()) {
            throw new TemplateException(where + ": queue " + queue.logicalId() + " has a VisibilityTimeout of "
                    + visibilityTimeout + " s, less than the function's Timeout of " + function.timeoutSeconds()
                    + " s (Lambda refuses this mapping)");
        }

        return new SqsEventSourceMapping(function.logicalId(), eventName, queue.logicalId(), queue.attribute("QueueUrl"),
                queue.arn(), fifo, batchSize, window, reportBatchItemFailures, maximumConcurrency, enabled);
    }

    private static int queueVisibilityTimeout(SamTemplate template, String queueLogicalId, IntrinsicResolver resolver) {
        String where = "Resources." + queueLogicalId + ".Properties.VisibilityTimeout";
        Object declared = template.resource(queueLogicalId).properties().get("VisibilityTimeout");
        if (declared == null) {
            return DEFAULT_QUEUE_VISIBILITY_TIMEOUT_SECONDS;
        }
        return intProperty(Map.of("VisibilityTimeout", resolver.resolve(declared, where)), "VisibilityTimeout", 0, where);
    }

    private static int intProperty(Map<String, Object> properties, String name, int fallback, String where) {
        Object value = properties.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new TemplateException(where + ": " + name + " must be a whole number but is '" + value + "'");
        }
    }

    private static void requireRange(int value, int min, int max, String where, String name) {
        if (value < min || value > max) {
            throw new TemplateException(where + ": " + name + " must be " + min + ".." + max + " but is " + value);
        }
    }

    /** At most this many messages per ReceiveMessage call: SQS's limit of 10, or fewer for a smaller batch. */
    int receiveLimit() {
        return Math.min(10, batchSize);
    }

    @Override
    public String toString() {
        return queueLogicalId + " → " + functionLogicalId + " (event " + eventName + ", batch " + batchSize
                + ", window " + maximumBatchingWindowSeconds + " s, concurrency " + maximumConcurrency
                + (reportBatchItemFailures ? ", ReportBatchItemFailures" : "") + (enabled ? "" : ", disabled") + ")";
    }
}
