package dev.pms.core.inventory;

/**
 * Port: fetches a store's media by URL, but only from the store's own CDN host or an allow-listed host, never from an
 * internal address, and never more than a bound.
 */
public interface MediaFetcher {

    /**
     * @throws FetchRefusedException when the URL is not allowed or the fetch fails, with the reason in words
     */
    byte[] fetch(String url, long maxBytes);

    final class FetchRefusedException extends RuntimeException {
        public FetchRefusedException(String message) {
            super(message, null, false, false);
        }
    }
}
