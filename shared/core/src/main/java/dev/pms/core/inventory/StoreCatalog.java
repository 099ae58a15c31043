package dev.pms.core.inventory;

import java.util.List;

/**
 * Port of an online store's product catalogue (Shopify's Admin GraphQL API in this build): products with their
 * descriptions and images, read page by page within the store's rate limits.
 */
public interface StoreCatalog {

    /** One product; {@code description} is plain text (may be empty). */
    record Product(String id, String handle, String title, String description, List<Media> media) {
        public Product {
            media = media == null ? List.of() : List.copyOf(media);
        }
    }

    /** One product image: the store's id for it and where the store serves it. */
    record Media(String id, String url, String altText) {
    }

    /**
     * Up to {@code maxProducts} products of the store, in the store's order.
     *
     * @throws StoreAccessException when the store cannot be read (unknown shop, refused token, gave up waiting for its
     *                              rate limit), with the reason in words
     */
    List<Product> products(String shopDomain, int maxProducts);

    /** A store that cannot be read at all, with the reason. */
    final class StoreAccessException extends RuntimeException {
        public StoreAccessException(String message) {
            super(message, null, false, false);
        }
    }
}
