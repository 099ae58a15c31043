package dev.pms.aws.config;

import dev.pms.aws.dynamodb.PageTokens;
import dev.pms.aws.secrets.SsmParameters;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * The key that signs paging tokens: {@code page.token.key} when given (the devstack seeds one), else the SSM
 * SecureString named by {@code page.token.key.parameter} (template parameter {@code PageTokenKeyParameter}), read
 * once per container. With neither, a random key of this process: tokens then only work within one instance.
 */
@Factory
public class PageTokensFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PageTokensFactory.class);

    @Singleton
    PageTokens pageTokens(@Nullable @Value("${page.token.key:}") String key,
                          @Nullable @Value("${page.token.key.parameter:}") String parameter,
                          @Nullable @Value("${aws.region:}") String region,
                          @Nullable @Value("${aws.services.ssm.endpoint-override:}") String ssmEndpoint) {
        if (key != null && !key.isBlank()) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            return new PageTokens(() -> bytes);
        }
        if (parameter != null && !parameter.isBlank()) {
            return new PageTokens(memoized(() -> new SsmParameters(UrlConnectionHttpClient.create(),
                    DefaultCredentialsProvider.builder().build(),
                    Region.of(region == null || region.isBlank() ? System.getenv().getOrDefault("AWS_REGION", "us-east-1") : region),
                    ssmEndpoint == null || ssmEndpoint.isBlank() ? null : URI.create(ssmEndpoint))
                    .secureString(parameter).getBytes(StandardCharsets.UTF_8)));
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
