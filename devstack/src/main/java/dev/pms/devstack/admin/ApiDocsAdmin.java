package dev.pms.devstack.admin;

import dev.pms.devstack.gateway.GatewayRequest;
import dev.pms.devstack.gateway.GatewayResponse;
import dev.pms.devstack.gateway.HttpApiRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code GET /_devstack/docs}: Swagger UI (from the {@code org.webjars:swagger-ui} jar, no CDN) showing the API's
 * OpenAPI document, which it loads from the template's unauthenticated {@code GET .../openapi.json} route through
 * the gateway; {@code GET /_devstack/docs/<file>} serves the UI's files. Only the devstack exposes them.
 */
public final class ApiDocsAdmin {

    public static final String PATH = "/_devstack/docs";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png",
            "html", "text/html; charset=utf-8", "map", "application/json");

    private final Optional<String> documentPath;
    private volatile String webjarRoot;

    /** {@code routes}: the gateway's; the document is the first unauthenticated GET route ending in /openapi.json. */
    public ApiDocsAdmin(List<HttpApiRoute> routes) {
        this.documentPath = routes.stream()
                .filter(route -> route.method().equals("GET") && route.path().endsWith("/openapi.json")
                        && !route.requiresAuthorization())
                .map(HttpApiRoute::path).sorted().findFirst();
    }

    /** Whether {@link #handle} answers {@code path}. */
    public static boolean handles(String path) {
        return path.equals(PATH) || path.equals(PATH + "/") || path.startsWith(PATH + "/");
    }

    public GatewayResponse handle(GatewayRequest request) {
        if (!request.method().equals("GET")) {
            return GatewayResponse.problem(405, "Method Not Allowed", "use GET " + request.rawPath());
        }
        String path = request.rawPath();
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            return documentPath.map(document -> GatewayResponse.of(200, CONTENT_TYPES.get("html"),
                            page(document).getBytes(StandardCharsets.UTF_8)))
                    .orElseGet(() -> GatewayResponse.problem(404, "Not Found",
                            "the template declares no unauthenticated GET route ending in /openapi.json"));
        }
        String file = path.substring(PATH.length() + 1);
        String extension = file.substring(file.lastIndexOf('.') + 1);
        byte[] body = ASSET.matcher(file).matches() && CONTENT_TYPES.containsKey(extension) ? webjarFile(file) : null;
        return body == null ? GatewayResponse.problem(404, "Not Found", "Swagger UI has no file " + file)
                : GatewayResponse.of(200, CONTENT_TYPES.get(extension), body);
    }

    private static String page(String documentPath) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Product Marketing Suite API (devstack)</title>
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                </head>
                <body>
                  <p style="font-family: sans-serif; margin: 12px 20px">Try it out against this devstack: press
                    <b>Authorize</b> and paste the output of <code>java -jar journeys/target/devstack.jar token --user
                    alice</code>. Document: <a href="%2$s">%2$s</a></p>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({url: "%2$s", dom_id: "#swagger-ui", deepLinking: true,
                      persistAuthorization: true});
                  </script>
                </body>
                </html>
                """.formatted(PATH, documentPath);
    }

    private byte[] webjarFile(String file) {
        if (webjarRoot == null) {
            webjarRoot = WEBJAR + webjarVersion() + "/";
        }
        try (InputStream found = ApiDocsAdmin.class.getClassLoader().getResourceAsStream(webjarRoot + file)) {
            return found == null ? null : found.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = ApiDocsAdmin.class.getClassLoader().getResourceAsStream(WEBJAR_VERSION)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
