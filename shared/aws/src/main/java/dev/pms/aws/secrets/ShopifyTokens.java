package dev.pms.aws.secrets;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopify Admin API access tokens, one per store: locally from {@code SHOPIFY_ACCESS_TOKEN} (every store), in AWS from
 * the SSM SecureString {@code <SHOPIFY_TOKENS_PATH>/<shop>.myshopify.com}, read on first use and kept for the
 * container's life. Tokens are only handed to the Shopify client, never logged.
 */
@Singleton
public class ShopifyTokens {
    private final Environment environment;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private volatile SsmParameters ssm;

    public ShopifyTokens(Environment environment) {
        this.environment = environment;
    }

    /** The token for the store; IllegalStateException when none is configured or readable. */
    public String forShop(String shopDomain) {
        return cache.computeIfAbsent(shopDomain, this::resolve);
    }

    private String resolve(String shopDomain) {
        String direct = environment.getProperty("shopify.access.token", String.class).orElse("");
        if (!direct.isBlank()) {
            return direct;
        }
        String path = environment.getProperty("shopify.tokens.path", String.class).orElse("");
        if (path.isBlank()) {
            throw new IllegalStateException("no Shopify access token is configured");
        }
        SsmParameters reader = ssm;
        if (reader == null) {
            reader = SsmParameters.of(environment);
            ssm = reader;
        }
        return reader.secureString(path + "/" + shopDomain);
    }
}
