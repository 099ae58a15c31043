package dev.pms.providers.shopify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which media URLs may be fetched: HTTPS to a host on the allow-list (Shopify's CDN {@code cdn.shopify.com}, the
 * store's own domain, and configured hosts), and only when every address the host resolves to is public — never
 * loopback, private, link-local (the cloud metadata address among them), multicast or unspecified. A test deployment
 * may allow loopback over plain HTTP, for a local protocol stub; nothing else is relaxed.
 */
public final class MediaUrlPolicy {
    public static final String SHOPIFY_CDN = "cdn.shopify.com";

    /** Resolves host names; tests give fixed answers. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> hosts;
    private final boolean allowLoopback;
    private final Resolver resolver;

    public MediaUrlPolicy(List<String> allowedHosts, boolean allowLoopback, Resolver resolver) {
        this.hosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    public static MediaUrlPolicy of(List<String> extraHosts, boolean allowLoopback) {
        List<String> all = new ArrayList<>(extraHosts);
        all.add(SHOPIFY_CDN);
        return new MediaUrlPolicy(all, allowLoopback, InetAddress::getAllByName);
    }

    /** The URL if it may be fetched; otherwise the reason it may not, as an exception. */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getRawUserInfo() != null) {
            throw new Refused("has no plain host name");
        }
        if (!hosts.contains(host) && !host.endsWith(".myshopify.com")) {
            throw new Refused("is on " + host + ", which is neither the store's CDN (" + SHOPIFY_CDN
                    + ") nor an allowed host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve (" + host + ")");
        }
        boolean loopbackOnly = addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && allowLoopback) {
                continue;
            }
            if (internal(address)) {
                throw new Refused("resolves to the internal address " + address.getHostAddress()
                        + "; media is only fetched from public addresses");
            }
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback && loopbackOnly)) {
            throw new Refused("is not HTTPS");
        }
        return uri;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0)
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        return (bytes[0] & 0xFE) == 0xFC;
    }

    /** A URL that may not be fetched, with the reason (completing "the media URL ..."). */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
