package dev.pms.providers.shopify;

import dev.pms.core.inventory.MediaFetcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches store media by URL under a {@link MediaUrlPolicy}: no redirects are followed (a redirect could leave the
 * allowed hosts), and the body is read up to the byte limit and no further.
 */
public final class StoreMediaFetcher implements MediaFetcher {
    private final MediaUrlPolicy policy;
    private final HttpClient http;
    private final Duration timeout;

    public StoreMediaFetcher(MediaUrlPolicy policy) {
        this(policy, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build(), Duration.ofSeconds(30));
    }

    StoreMediaFetcher(MediaUrlPolicy policy, HttpClient http, Duration timeout) {
        this.policy = policy;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public byte[] fetch(String url, long maxBytes) {
        URI uri;
        try {
            uri = policy.check(url);
        } catch (MediaUrlPolicy.Refused refused) {
            throw new FetchRefusedException("the media URL " + refused.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 == 3) {
                    throw new FetchRefusedException("the media URL redirects (HTTP " + response.statusCode()
                            + "); redirects are not followed");
                }
                if (response.statusCode() != 200) {
                    throw new FetchRefusedException("the media URL answered HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
                if (declared > maxBytes) {
                    throw new FetchRefusedException("the media is " + declared + " bytes; at most " + maxBytes
                            + " are fetched");
                }
                return bounded(body, maxBytes);
            }
        } catch (IOException e) {
            throw new FetchRefusedException("the media could not be fetched (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchRefusedException("interrupted while fetching the media");
        }
    }

    private static byte[] bounded(InputStream body, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = body.read(chunk)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new FetchRefusedException("the media is larger than " + maxBytes + " bytes");
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
