package dev.pms.aws.config;

import dev.pms.aws.dynamodb.PageTokens;
import dev.pms.aws.secrets.SsmParameters;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * The key that signs paging tokens: {@code page.token.key} when given (the devstack seeds one), else the SSM
 * SecureString named by {@code page.token.key.parameter} (template parameter {@code PageTokenKeyParameter}), read
 * on first use and kept for the container's life, so neither INIT nor the SnapStart snapshot holds it. With
 * neither, a random key of this process: tokens then only work within one instance.
 */
@Factory
public class PageTokensFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PageTokensFactory.class);

    @Singleton
    PageTokens pageTokens(Environment environment) {
        String key = environment.getProperty("page.token.key", String.class).orElse("");
        if (!key.isBlank()) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            return new PageTokens(() -> bytes);
        }
        String parameter = environment.getProperty("page.token.key.parameter", String.class).orElse("");
        if (!parameter.isBlank()) {
            return new PageTokens(memoized(() -> SsmParameters.of(environment).secureString(parameter)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        LOG.warn("no page.token.key or page.token.key.parameter: paging tokens are signed with a key of this process only");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new PageTokens(() -> random);
    }

    private static Supplier<byte[]> memoized(Supplier<byte[]> read) {
        return new Supplier<>() {
            private volatile byte[] value;

            @Override
            public byte[] get() {
                byte[] known = value;
                if (known == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = read.get();
                        }
                        known = value;
                    }
                }
                return known;
            }
        };
    }
}
