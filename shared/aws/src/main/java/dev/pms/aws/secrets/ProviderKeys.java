package dev.pms.aws.secrets;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Provider API keys: locally from {@code <PROVIDER>_API_KEY} (e.g. {@code WAVESPEED_API_KEY}); in AWS from the SSM
 * SecureString named by {@code <PROVIDER>_API_KEY_PARAMETER}, read on first use and kept for the container's life.
 * Keys are only ever handed to the provider clients, never logged.
 */
@Singleton
public class ProviderKeys {
    private final Environment environment;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private volatile SsmParameters ssm;

    public ProviderKeys(Environment environment) {
        this.environment = environment;
    }

    /** Whether a key (or where to read it) is configured for {@code provider}. */
    public boolean has(String provider) {
        return !direct(provider).isBlank() || !parameterName(provider).isBlank();
    }

    public Supplier<String> supplier(String provider) {
        return () -> cache.computeIfAbsent(provider, this::resolve);
    }

    private String resolve(String provider) {
        String direct = direct(provider);
        if (!direct.isBlank()) {
            return direct;
        }
        String parameter = parameterName(provider);
        if (parameter.isBlank()) {
            throw new IllegalStateException("no API key is configured for provider " + provider);
        }
        return ssm().secureString(parameter);
    }

    private SsmParameters ssm() {
        SsmParameters reader = ssm;
        if (reader == null) {
            reader = SsmParameters.of(environment);
            ssm = reader;
        }
        return reader;
    }

    private String direct(String provider) {
        return environment.getProperty(provider + ".api.key", String.class).orElse("");
    }

    private String parameterName(String provider) {
        return environment.getProperty(provider + ".api.key.parameter", String.class).orElse("");
    }
}
