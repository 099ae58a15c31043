package dev.pms.aws.observability;

import dev.pms.core.observability.OperationalMetrics;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link OperationalMetrics} as CloudWatch embedded metric format documents written through Powertools: every metric
 * is published under {@code Service} alone (what the alarms watch) and under {@code Service} plus its own dimensions
 * (what the dashboard breaks down). Metrics recorded during an invocation ({@link #collect}) go out together at its
 * end, one document per dimension set; outside an invocation each goes out at once.
 */
public final class EmfMetrics implements OperationalMetrics {
    public static final String NAMESPACE = "ProductMarketingSuite";
    public static final String SERVICE = "product-marketing-suite";

    private record Point(String name, double value, MetricUnit unit, Map<String, String> dimensions) {
    }

    private final ThreadLocal<List<Point>> invocation = new ThreadLocal<>();

    public EmfMetrics() {
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null && System.getenv("AWS_EMF_ENVIRONMENT") == null) {
            // outside Lambda the EMF library would probe EC2 and ECS endpoints: write to stdout as Lambda does
            EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
        }
    }

    @Override
    public void assetGenerated(String assetType, String provider, long latencyMillis, BigDecimal costUsd) {
        Map<String, String> dimensions = dimensions("AssetType", assetType, "Provider", provider);
        List<Point> points = new ArrayList<>(List.of(
                new Point("AssetsGenerated", 1, MetricUnit.COUNT, dimensions),
                new Point("ProviderLatency", latencyMillis, MetricUnit.MILLISECONDS, dimensions)));
        if (costUsd != null) {
            points.add(new Point("CostMicroUsd", costUsd.movePointRight(6).doubleValue(), MetricUnit.COUNT, dimensions));
        }
        record(points);
    }

    @Override
    public void assetFailed(String assetType, String provider) {
        record(List.of(new Point("AssetsFailed", 1, MetricUnit.COUNT,
                dimensions("AssetType", assetType, "Provider", provider))));
    }

    @Override
    public void reservationRefused(String source) {
        record(List.of(new Point("ReservationsRefused", 1, MetricUnit.COUNT, dimensions("Source", source))));
    }

    @Override
    public void jobRedriven() {
        record(List.of(new Point("JobRedrives", 1, MetricUnit.COUNT, Map.of())));
    }

    @Override
    public void auditVerdict(String verdict) {
        record(List.of(new Point("AuditVerdicts", 1, MetricUnit.COUNT, dimensions("Verdict", verdict))));
    }

    @Override
    public void studioJob(String kind) {
        record(List.of(new Point("StudioJobs", 1, MetricUnit.COUNT, dimensions("Kind", kind))));
    }

    /** Runs one invocation, keeping what it records until it ends, then flushes it (also when it throws). */
    public <T> T collect(Supplier<T> body) {
        if (invocation.get() != null) {
            return body.get();
        }
        invocation.set(new ArrayList<>());
        try {
            return body.get();
        } finally {
            List<Point> recorded = invocation.get();
            invocation.remove();
            flush(recorded);
        }
    }

    private void record(List<Point> points) {
        List<Point> open = invocation.get();
        if (open != null) {
            open.addAll(points);
        } else {
            flush(points);
        }
    }

    private static void flush(List<Point> points) {
        Map<Map<String, String>, List<Point>> byDimensions = new LinkedHashMap<>();
        for (Point point : points) {
            byDimensions.computeIfAbsent(point.dimensions(), dimensions -> new ArrayList<>()).add(point);
        }
        byDimensions.forEach((dimensions, group) -> {
            Metrics document = new EmfMetricsProvider().getMetricsInstance();
            document.setNamespace(NAMESPACE);
            document.setDefaultDimensions(DimensionSet.of("Service", SERVICE));
            if (!dimensions.isEmpty()) {
                Map<String, String> detailed = new LinkedHashMap<>();
                detailed.put("Service", SERVICE);
                detailed.putAll(dimensions);
                document.addDimension(DimensionSet.of(detailed));
            }
            group.forEach(point -> document.addMetric(point.name(), point.value(), point.unit()));
            document.flush();
        });
    }

    /** Names and values in the order given; a missing value is {@code unknown}. */
    private static Map<String, String> dimensions(String... namesAndValues) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            dimensions.put(namesAndValues[i], value == null || value.isBlank() ? "unknown" : value);
        }
        return dimensions;
    }
}
