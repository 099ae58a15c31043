package dev.pms.devstack.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.io.ByteArrayOutputStream;

/**
 * Finds the route for a request as an HTTP API does: {@code {param}} matches one segment,
 * {@code {proxy+}} the rest of the path (one segment or more), {@code ANY} every method, and the most
 * specific route wins (a literal segment beats a parameter, which beats a greedy one, compared from the
 * left; then a named method beats {@code ANY}); {@code $default} catches what nothing else matches.
 */
public final class RouteTable {

    /** A matched route with its decoded path parameters (empty map when none). */
    public record Match(HttpApiRoute route, Map<String, String> pathParameters) {
    }

    private enum SegmentKind { GREEDY, PARAMETER, LITERAL }

    private record Segment(SegmentKind kind, String text) {
        static Segment parse(String text) {
            if (text.startsWith("{") && text.endsWith("+}")) {
                return new Segment(SegmentKind.GREEDY, text.substring(1, text.length() - 2));
            }
            if (text.startsWith("{") && text.endsWith("}")) {
                return new Segment(SegmentKind.PARAMETER, text.substring(1, text.length() - 1));
            }
            return new Segment(SegmentKind.LITERAL, text);
        }
    }

    private record CompiledRoute(HttpApiRoute route, List<Segment> segments) {
    }

    private static final Comparator<CompiledRoute> MOST_SPECIFIC_FIRST = (left, right) -> {
        int shared = Math.min(left.segments().size(), right.segments().size());
        for (int index = 0; index < shared; index++) {
            int byKind = right.segments().get(index).kind().compareTo(left.segments().get(index).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        int byLength = Integer.compare(right.segments().size(), left.segments().size());
        if (byLength != 0) {
            return byLength;
        }
        boolean leftAny = left.route().method().equals(HttpApiRoute.ANY);
        boolean rightAny = right.route().method().equals(HttpApiRoute.ANY);
        return Boolean.compare(leftAny, rightAny);
    };

    private final List<CompiledRoute> routes;
    private final HttpApiRoute defaultRoute;

    public RouteTable(List<HttpApiRoute> routes) {
        List<CompiledRoute> compiled = new ArrayList<>();
        HttpApiRoute catchAll = null;
        Map<String, HttpApiRoute> byKey = new LinkedHashMap<>();
        for (HttpApiRoute route : routes) {
            HttpApiRoute duplicate = byKey.put(route.routeKey(), route);
            if (duplicate != null) {
                throw new IllegalArgumentException("Route " + route.routeKey() + " is declared by both "
                        + duplicate.functionLogicalId() + " and " + route.functionLogicalId());
            }
            if (route.isDefaultRoute()) {
                catchAll = route;
                continue;
            }
            List<Segment> segments = segments(route.path()).stream().map(Segment::parse).toList();
            for (int index = 0; index < segments.size() - 1; index++) {
                if (segments.get(index).kind() == SegmentKind.GREEDY) {
                    throw new IllegalArgumentException("Route " + route.routeKey()
                            + ": a greedy {name+} segment must be the last one");
                }
            }
            compiled.add(new CompiledRoute(route, segments));
        }
        compiled.sort(MOST_SPECIFIC_FIRST);
        this.routes = List.copyOf(compiled);
        this.defaultRoute = catchAll;
    }

    public List<HttpApiRoute> routes() {
        List<HttpApiRoute> all = new ArrayList<>(routes.stream().map(CompiledRoute::route).toList());
        if (defaultRoute != null) {
            all.add(defaultRoute);
        }
        return Collections.unmodifiableList(all);
    }

    /** {@code rawPath} is the request path as sent (percent-encoded). */
    public Optional<Match> match(String method, String rawPath) {
        List<String> requestSegments = segments(rawPath);
        for (CompiledRoute candidate : routes) {
            if (!candidate.route().method().equals(HttpApiRoute.ANY) && !candidate.route().method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = matchSegments(candidate.segments(), requestSegments);
            if (parameters != null) {
                return Optional.of(new Match(candidate.route(), parameters));
            }
        }
        return Optional.ofNullable(defaultRoute).map(route -> new Match(route, Map.of()));
    }

    private static Map<String, String> matchSegments(List<Segment> pattern, List<String> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int index = 0; index < pattern.size(); index++) {
            Segment segment = pattern.get(index);
            if (segment.kind() == SegmentKind.GREEDY) {
                if (index >= request.size()) {
                    return null;
                }
                parameters.put(segment.text(),
                        decode(String.join("/", request.subList(index, request.size()))));
                return parameters;
            }
            if (index >= request.size()) {
                return null;
            }
            String actual = request.get(index);
            if (segment.kind() == SegmentKind.LITERAL) {
                if (!segment.text().equals(decode(actual))) {
                    return null;
                }
            } else {
                if (actual.isEmpty()) {
                    return null;
                }
                parameters.put(segment.text(), decode(actual));
            }
        }
        return pattern.size() == request.size() ? parameters : null;
    }

    static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.split("/", -1));
    }

    /** Percent-decoding of a path ({@code +} stays a plus, unlike form decoding). */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int index = 0; index < bytes.length; index++) {
            if (bytes[index] == '%' && index + 2 < bytes.length) {
                int high = Character.digit(bytes[index + 1], 16);
                int low = Character.digit(bytes[index + 2], 16);
                if (high >= 0 && low >= 0) {
                    out.write(high * 16 + low);
                    index += 2;
                    continue;
                }
            }
            out.write(bytes[index]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
