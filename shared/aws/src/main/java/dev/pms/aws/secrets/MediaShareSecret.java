package dev.pms.aws.secrets;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The secret that signs media share links: locally {@code media.share.key} (the devstack seeds one), in AWS the SSM
 * SecureString named by {@code MEDIA_SHARE_KEY_PARAMETER}, read on first use and kept for the container's life, so
 * neither INIT nor the SnapStart snapshot holds it. Never logged.
 */
@Singleton
public class MediaShareSecret implements Supplier<byte[]> {
    private final Environment environment;

    public MediaShareSecret(Environment environment) {
        this.environment = environment;
    }

    @Override
    public byte[] get() {
        String direct = environment.getProperty("media.share.key", String.class).orElse("");
        if (!direct.isBlank()) {
            return direct.getBytes(StandardCharsets.UTF_8);
        }
        String parameter = environment.getProperty("media.share.key.parameter", String.class).orElse("");
        if (parameter.isBlank()) {
            throw new IllegalStateException("no media share key is configured (MEDIA_SHARE_KEY_PARAMETER)");
        }
        return SsmParameters.of(environment).secureString(parameter).getBytes(StandardCharsets.UTF_8);
    }
}
