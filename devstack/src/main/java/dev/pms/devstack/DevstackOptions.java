package dev.pms.devstack;

import dev.pms.devstack.schedules.ScheduleClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.pms.devstack.eventsources.SqsEventSources;
import dev.pms.devstack.schedules.EventBridgeSchedules;
import dev.pms.devstack.stepfunctions.StepFunctionsLocalService;
import java.net.URI;

/**
 * How to start a {@link Devstack}. Immutable; every {@code with...} returns a copy.
 *
 * @param port                 gateway port on 127.0.0.1; 0 picks a free one
 * @param dataDir              persistent data directory, or null for memory only
 * @param template             the SAM template, or null to find {@code template.yaml} walking up from {@code user.dir}
 * @param parameterOverrides   template parameter values (the JWT issuer/audience parameters are always local)
 * @param signingKeyDirectory  where {@code jwt-signing-key.json} lives, or null: {@code dataDir} when given, else
 *                             {@code $PMS_DEVSTACK_HOME} / {@code ~/.pms-devstack}
 * @param services             extra services started before the functions (e.g. Step Functions)
 * @param automaticSchedules   whether EventBridge schedules fire on their own; when false they only run through
 *                             {@code POST /_devstack/schedules/{name}/run}
 * @param scheduleClock        the time schedules fire on (a test may run it faster than real time)
 * @param externalJwt          an external issuer whose tokens the gateway verifies (as API Gateway does, from its
 *                             JWKS), or null for the local signing key ({@code devstack token})
 */
public record DevstackOptions(int port, Path dataDir, Path template, Map<String, String> parameterOverrides,
                              Path signingKeyDirectory, List<LocalServiceFactory> services, boolean automaticSchedules,
                              ScheduleClock scheduleClock, ExternalJwt externalJwt) {

    public static final int DEFAULT_CLI_PORT = 3000;

    /**
     * A token issuer outside the devstack (Clerk, Cognito, any OIDC provider): tokens must carry {@code iss} =
     * {@code issuer} and one of {@code audiences} in {@code aud} (or {@code client_id}); keys come from {@code jwksUrl},
     * or from the issuer's OpenID discovery document when it is null.
     */
    public record ExternalJwt(String issuer, List<String> audiences, URI jwksUrl) {
        public ExternalJwt {
            Objects.requireNonNull(issuer, "issuer");
            audiences = List.copyOf(audiences);
            if (audiences.isEmpty()) {
                throw new IllegalArgumentException("an external issuer needs at least one audience");
            }
        }
    }

    public DevstackOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 but is " + port);
        }
        parameterOverrides = Map.copyOf(parameterOverrides == null ? Map.of() : parameterOverrides);
        services = List.copyOf(services == null ? List.of() : services);
        scheduleClock = Objects.requireNonNullElseGet(scheduleClock, ScheduleClock::system);
    }

    /**
     * Ephemeral port, in memory, template found walking up from {@code user.dir}, with Step Functions, the SQS event
     * sources and the EventBridge schedules (firing on their own, on the system clock).
     */
    public static DevstackOptions defaults() {
        return new DevstackOptions(0, null, null, Map.of(), null,
                List.of(new StepFunctionsLocalService(),
                        new SqsEventSources(),
                        new EventBridgeSchedules()),
                true, ScheduleClock.system(), null);
    }

    public DevstackOptions withPort(int newPort) {
        return new DevstackOptions(newPort, dataDir, template, parameterOverrides, signingKeyDirectory, services,
                automaticSchedules, scheduleClock, externalJwt);
    }

    public DevstackOptions withDataDir(Path newDataDir) {
        return new DevstackOptions(port, newDataDir, template, parameterOverrides, signingKeyDirectory, services,
                automaticSchedules, scheduleClock, externalJwt);
    }

    public DevstackOptions withTemplate(Path newTemplate) {
        return new DevstackOptions(port, dataDir, newTemplate, parameterOverrides, signingKeyDirectory, services,
                automaticSchedules, scheduleClock, externalJwt);
    }

    public DevstackOptions withParameterOverrides(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(parameterOverrides);
        merged.putAll(overrides);
        return new DevstackOptions(port, dataDir, template, merged, signingKeyDirectory, services,
                automaticSchedules, scheduleClock, externalJwt);
    }

    public DevstackOptions withSigningKeyDirectory(Path directory) {
        return new DevstackOptions(port, dataDir, template, parameterOverrides, directory, services,
                automaticSchedules, scheduleClock, externalJwt);
    }

    /** Adds a service (the Step Functions engine plugs in here). */
    public DevstackOptions withService(LocalServiceFactory service) {
        List<LocalServiceFactory> more = new ArrayList<>(services);
        more.add(service);
        return new DevstackOptions(port, dataDir, template, parameterOverrides, signingKeyDirectory, more,
                automaticSchedules, scheduleClock, externalJwt);
    }

    /** {@code false}: schedules run only when asked to ({@code up --no-schedules}, tests). */
    public DevstackOptions withAutomaticSchedules(boolean enabled) {
        return new DevstackOptions(port, dataDir, template, parameterOverrides, signingKeyDirectory, services,
                enabled, scheduleClock, externalJwt);
    }

    public DevstackOptions withScheduleClock(ScheduleClock clock) {
        return new DevstackOptions(port, dataDir, template, parameterOverrides, signingKeyDirectory, services,
                automaticSchedules, clock, externalJwt);
    }

    /** Verify tokens from an external issuer instead of the local signing key. */
    public DevstackOptions withExternalJwt(ExternalJwt external) {
        return new DevstackOptions(port, dataDir, template, parameterOverrides, signingKeyDirectory, services,
                automaticSchedules, scheduleClock, external);
    }
}
