package dev.pms.providers.shopify;

import dev.pms.providers.http.ProviderConfigs;
import dev.pms.providers.http.Sleeper;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/**
 * How to reach a store's Admin GraphQL API: {@code https://<shop>/admin/api/<apiVersion>/graphql.json} with the
 * store's access token (looked up per shop, never logged), or every shop at {@code baseUrl} instead (a local protocol
 * stub). {@code pageSize} products (with up to {@code mediaPerProduct} images each) are asked per page; a throttled
 * call waits for the bucket to refill (from the response's cost extension), at most {@code maxWaitPerCall} and
 * {@code maxThrottledRetries} times per page.
 */
public record ShopifyConfig(URI baseUrl, String apiVersion, Function<String, String> tokenForShop, int pageSize,
                            int mediaPerProduct, Duration maxWaitPerCall, int maxThrottledRetries, Duration timeout,
                            Sleeper sleeper) {

    /** The API version this client's query is written against. */
    public static final String API_VERSION = "2025-01";

    public ShopifyConfig {
        if (pageSize < 1 || pageSize > 250) {
            throw new IllegalArgumentException("Shopify pages hold 1 to 250 products");
        }
        if (mediaPerProduct < 1 || mediaPerProduct > 250) {
            throw new IllegalArgumentException("1 to 250 images per product");
        }
    }

    public static ShopifyConfig of(URI baseUrlOrNull, Function<String, String> tokenForShop) {
        return new ShopifyConfig(baseUrlOrNull, API_VERSION, tokenForShop, 25, 10, Duration.ofSeconds(20), 6,
                Duration.ofSeconds(20), Sleeper.real());
    }

    public ShopifyConfig withSleeper(Sleeper other) {
        return new ShopifyConfig(baseUrl, apiVersion, tokenForShop, pageSize, mediaPerProduct, maxWaitPerCall,
                maxThrottledRetries, timeout, other);
    }

    public ShopifyConfig withPageSize(int size) {
        return new ShopifyConfig(baseUrl, apiVersion, tokenForShop, size, mediaPerProduct, maxWaitPerCall,
                maxThrottledRetries, timeout, sleeper);
    }

    URI endpoint(String shopDomain) {
        String path = "/admin/api/" + apiVersion + "/graphql.json";
        if (baseUrl != null) {
            return ProviderConfigs.resolve(baseUrl, path);
        }
        return URI.create("https://" + shopDomain + path);
    }
}
