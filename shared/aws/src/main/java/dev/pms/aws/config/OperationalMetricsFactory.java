package dev.pms.aws.config;

import dev.pms.aws.observability.EmfMetrics;
import dev.pms.aws.observability.FunctionTelemetry;
import dev.pms.core.observability.OperationalMetrics;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The operational metrics port: EMF through Powertools, or nothing when Powertools is switched off. */
@Factory
public class OperationalMetricsFactory {
    @Singleton
    OperationalMetrics operationalMetrics(@Value("${" + FunctionTelemetry.POWERTOOLS_PROPERTY + ":true}") boolean powertools) {
        return powertools ? new EmfMetrics() : OperationalMetrics.NONE;
    }
}
