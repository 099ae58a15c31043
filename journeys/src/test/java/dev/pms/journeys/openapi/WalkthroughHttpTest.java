package dev.pms.journeys.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pms.journeys.e2e.ReadmeWalkthroughEndToEndTest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/walkthrough.http} against the OpenAPI document and the README: every request names a documented
 * route (or a devstack route, or a URL an earlier response handed out), every reference it makes resolves, and it
 * sends every API route the README's walkthrough sends. {@code WalkthroughHttpEndToEndTest} runs it.
 */
class WalkthroughHttpTest {

    private static final ApiDescription API = ApiDescription.load();
    private static final Set<String> DEVSTACK_ROUTES = Set.of("POST /_devstack/plans");
    private static final Pattern README_CALL = Pattern.compile("curl ([^\\n]*?)\"?\\$API(/[^\\s\"?]*)");
    private static final Pattern METHOD = Pattern.compile("-X (GET|POST|PUT|PATCH|DELETE)\\b");

    @Test
    void everyRequestNamesADocumentedRouteAndEveryReferenceResolves() throws Exception {
        HttpCollection collection = HttpCollection.read(WalkthroughHttpEndToEndTest.Walkthrough.file());
        assertThat(collection.requests()).hasSizeGreaterThan(30);
        Set<String> named = new HashSet<>();
        for (HttpCollection.Request request : collection.requests()) {
            for (String part : references(request)) {
                checkReference(part, collection, named, request.title());
            }
            String url = request.url();
            if (url.startsWith("{{api}}")) {
                String path = "/api/product-marketing" + withoutQuery(url.substring("{{api}}".length()))
                        .replaceAll("\\{\\{[^}]+}}", "sample");
                assertThat(API.find(request.method(), path)).as("%s: %s %s is a route of the OpenAPI document",
                        request.title(), request.method(), path).isPresent();
            } else if (url.startsWith("{{base}}/_devstack/")) {
                assertThat(DEVSTACK_ROUTES).as(request.title()).contains(request.method() + " " + url.substring("{{base}}".length()));
            } else {
                assertThat(url).as("%s: a URL an earlier response handed out", request.title())
                        .matches("\\{\\{[A-Za-z]+\\.response\\.body\\.\\$\\.[a-z_]+}}");
            }
            if (request.bodyFile() != null) {
                assertThat(WalkthroughHttpEndToEndTest.Walkthrough.file().resolveSibling(request.bodyFile())).isRegularFile();
            }
            if (request.name() != null) {
                named.add(request.name());
            }
        }
    }

    @Test
    void itSendsEveryApiRouteTheReadmeWalkthroughSends() throws Exception {
        String readme = Files.readString(WalkthroughHttpEndToEndTest.Walkthrough.file().getParent().getParent().resolve("README.md"));
        Set<String> readmeRoutes = new TreeSet<>();
        for (String block : ReadmeWalkthroughEndToEndTest.walkthroughBlocks(readme)) {
            Matcher call = README_CALL.matcher(block);
            while (call.find()) {
                Matcher method = METHOD.matcher(call.group(1));
                String verb = method.find() ? method.group(1) : impliedMethod(block, call.start());
                readmeRoutes.add(routeOf(verb, call.group(2).replaceAll("\\$[A-Za-z_(][^/\"]*", "sample")));
            }
        }
        assertThat(readmeRoutes).hasSizeGreaterThan(25);
        Set<String> collectionRoutes = new TreeSet<>();
        for (HttpCollection.Request request : HttpCollection.read(WalkthroughHttpEndToEndTest.Walkthrough.file()).requests()) {
            if (request.url().startsWith("{{api}}")) {
                collectionRoutes.add(routeOf(request.method(), withoutQuery(request.url().substring("{{api}}".length()))
                        .replaceAll("\\{\\{[^}]+}}", "sample")));
            }
        }
        assertThat(collectionRoutes).containsAll(readmeRoutes);
    }

    private static String routeOf(String method, String path) {
        return API.find(method, "/api/product-marketing" + path)
                .map(ApiDescription.Operation::routeKey)
                .orElseThrow(() -> new AssertionError(method + " " + path + " is not a route of the OpenAPI document"));
    }

    /** curl's method when the command names none: POST when it sends a body. */
    private static String impliedMethod(String block, int start) {
        int end = block.indexOf('\n', start);
        String command = block.substring(start, end < 0 ? block.length() : end);
        return command.contains(" -d ") || command.contains("--data") ? "POST" : "GET";
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static List<String> references(HttpCollection.Request request) {
        List<String> found = new ArrayList<>(HttpCollection.references(request.url()));
        request.headers().values().forEach(value -> found.addAll(HttpCollection.references(value)));
        found.addAll(HttpCollection.references(request.body()));
        return found;
    }

    private static void checkReference(String reference, HttpCollection collection, Set<String> named, String where) {
        if (reference.startsWith("$processEnv ")) {
            return;
        }
        int response = reference.indexOf(".response.body.$");
        if (response > 0) {
            assertThat(named).as("%s: {{%s}} names an earlier request", where, reference)
                    .contains(reference.substring(0, response));
            return;
        }
        assertThat(collection.variables()).as("%s: {{%s}} is a file variable", where, reference).containsKey(reference);
        for (String inner : HttpCollection.references(collection.variables().get(reference))) {
            checkReference(inner, collection, named, where + " via " + reference);
        }
    }
}
