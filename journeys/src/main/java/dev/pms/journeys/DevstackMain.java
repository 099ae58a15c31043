package dev.pms.journeys;

import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.devstack.auth.LocalJwtIssuer;
import dev.pms.journeys.demo.DemoCommand;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code java -jar journeys/target/devstack.jar up [--port N] [--data DIR] [--template PATH]},
 * {@code token --user NAME [--data DIR]}, {@code plan ...} or {@code demo ...} (see {@link #USAGE}).
 */
public final class DevstackMain {

    static final String USAGE = """
            usage: java -jar journeys/target/devstack.jar <command> [options]   (--help on any command: this text)

              up [--port N] [--data DIR] [--template PATH] [--param Name=Value]... [--no-schedules]
                 [--jwt-issuer URL --jwt-audience AUD [--jwks-url URL]] [--log-format human|json] [--log-file FILE]
                  start the local AWS and the API gateway (port 3000 by default; in memory unless --data);
                  --no-schedules: EventBridge schedules run only through POST /_devstack/schedules/{name}/run;
                  --jwt-issuer/--jwt-audience: accept tokens of an external issuer (e.g. Clerk) verified against
                  its JWKS (--jwks-url, else found through the issuer's OpenID discovery) instead of `token`'s;
                  --log-format: the console's lines readable (human, the default) or the functions' JSON as in
                  Lambda; --log-file: every log event also as JSON lines in FILE (demo takes both too)
              token --user NAME [--data DIR]
                  print a bearer token (12 h) the local gateway accepts, for sub = NAME; signed offline with
                  the key in ~/.pms-devstack (or DIR: pass the --data that `up` was given), so no --port
              plan --user NAME --tier free|basic|pro|enterprise [--port N]
                  set the plan a user's pre-flight quotes and reservations use (on a running devstack;
                  --port: the one `up` was given, 3000 by default)
              demo [--brief FILE] [--out DIR] [--url URL] [--data DIR] [--template PATH] [--timeout SECONDS]
                  Journey A end to end as a new user on the pro plan: brand profile, blueprint, pre-flight,
                  proposals, an autopilot generation run; every asset and manifest.json into DIR (./demo-output).
                  Talks to the devstack on URL (default http://localhost:3000, else one started in process on
                  --template); --data: the directory `up --data` was given (its signing key); --timeout: 900 s
            """;

    private DevstackMain() {
    }

    public static void main(String[] args) {
        int exit = run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Map<String, String> options;
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            options = parseOptions(List.of(args).subList(1, args.length), parameters);
            configureLogging(args[0], options);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        switch (args[0]) {
            case "up":
                return up(options, parameters, out, err);
            case "token":
                return token(options, out, err);
            case "plan":
                return plan(options, out, err);
            case "demo":
                return DemoCommand.run(options, out, err);
            case "help":
            case "--help":
            case "-h":
                out.print(USAGE);
                return 0;
            default:
                err.println("unknown command: " + args[0]);
                err.print(USAGE);
                return 2;
        }
    }

    /**
     * The devstack's console configuration (log4j2-devstack.xml) with the chosen format and file; set before the first
     * logger exists, and left alone when the JVM names another configuration.
     */
    static void configureLogging(String command, Map<String, String> options) {
        String format = options.getOrDefault("log-format", "human");
        if (!List.of("human", "json").contains(format)) {
            throw new IllegalArgumentException("--log-format is human or json");
        }
        System.setProperty("pms.log.format", format);
        if (command.equals("demo") && System.getProperty("pms.log.console-level") == null) {
            // an in-process devstack would log every request to the console and break the demo's progress line
            System.setProperty("pms.log.console-level", "WARN");
        }
        if (options.containsKey("log-file")) {
            System.setProperty("pms.log.file", Path.of(options.get("log-file")).toAbsolutePath().toString());
        }
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-devstack.xml");
        }
    }

    static Map<String, String> parseOptions(List<String> args, Map<String, String> parameters) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int index = 0; index < args.size(); index++) {
            String name = args.get(index);
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + name);
            }
            if (name.equals("--no-schedules")) {
                options.put("no-schedules", "true");
                continue;
            }
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (index + 1 < args.size()) {
                value = args.get(++index);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (name.equals("--param")) {
                int separator = value.indexOf('=');
                if (separator < 1) {
                    throw new IllegalArgumentException("--param needs Name=Value");
                }
                parameters.put(value.substring(0, separator), value.substring(separator + 1));
            } else if (List.of("--port", "--data", "--template", "--user", "--tier",
                    "--brief", "--out", "--url", "--timeout", "--jwt-issuer", "--jwt-audience", "--jwks-url",
                    "--log-format", "--log-file")
                    .contains(name)) {
                options.put(name.substring(2), value);
            } else {
                throw new IllegalArgumentException("unknown option: " + name);
            }
        }
        return options;
    }

    private static int up(Map<String, String> options, Map<String, String> parameters, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        DevstackOptions devstackOptions = DevstackOptions.defaults()
                .withPort(DevstackOptions.DEFAULT_CLI_PORT)
                .withParameterOverrides(parameters);
        try {
            if (options.containsKey("port")) {
                devstackOptions = devstackOptions.withPort(Integer.parseInt(options.get("port")));
            }
        } catch (IllegalArgumentException e) {
            err.println("--port must be a number 0..65535");
            return 2;
        }
        if (options.containsKey("data")) {
            devstackOptions = devstackOptions.withDataDir(Path.of(options.get("data")).toAbsolutePath());
        }
        if (options.containsKey("template")) {
            devstackOptions = devstackOptions.withTemplate(Path.of(options.get("template")).toAbsolutePath());
        }
        if (options.containsKey("no-schedules")) {
            devstackOptions = devstackOptions.withAutomaticSchedules(false);
        }
        if (options.containsKey("jwt-issuer") || options.containsKey("jwt-audience") || options.containsKey("jwks-url")) {
            if (!options.containsKey("jwt-issuer") || !options.containsKey("jwt-audience")) {
                err.println("--jwt-issuer and --jwt-audience go together (--jwks-url is optional: the issuer's "
                        + "OpenID discovery document names it)");
                return 2;
            }
            devstackOptions = devstackOptions.withExternalJwt(new DevstackOptions.ExternalJwt(options.get("jwt-issuer"),
                    List.of(options.get("jwt-audience").split(",")),
                    options.containsKey("jwks-url") ? URI.create(options.get("jwks-url")) : null));
        }
        Devstack devstack;
        try {
            devstack = Devstack.start(devstackOptions);
        } catch (RuntimeException e) {
            err.println("devstack could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            devstack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        if (!healthy(devstack.baseUri())) {
            err.println("devstack started but its gateway does not answer on " + devstack.baseUri());
            devstack.close();
            return 1;
        }
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        out.println("devstack endpoints:");
        devstack.endpoints().forEach((name, value) -> out.printf("  %-13s %s%n", name, value));
        devstack.queues().forEach((name, url) -> out.printf("  queue %-7s %s%n", name, url));
        out.println("  template      " + devstack.template().path());
        out.println("  data          " + (devstack.options().dataDir() == null ? "in memory" : devstack.options().dataDir()));
        out.println("routes:");
        devstack.routes().forEach(route -> out.printf("  %-60s %s%s%n", route.routeKey(), route.functionLogicalId(),
                route.requiresAuthorization() ? "" : " (no auth)"));
        devstack.schedules().filter(schedules -> !schedules.statuses().isEmpty()).ifPresent(schedules -> {
            out.println("schedules" + (schedules.automatic() ? ":" : " (automatic firing off; run with POST "
                    + "/_devstack/schedules/{name}/run):"));
            schedules.statuses().forEach(status -> out.printf("  %-30s %-28s %s%s%n", status.definition().name(),
                    status.definition().expression().text(), status.definition().functionLogicalId(),
                    !status.definition().enabled() ? " (disabled)"
                            : status.nextFire() == null ? "" : " next " + status.nextFire()));
        });
        out.println("token: java -jar journeys/target/devstack.jar token --user alice"
                + (devstack.options().dataDir() == null ? "" : " --data " + devstack.options().dataDir()));
        out.println("ready in " + readyMillis + " ms (Ctrl-C stops)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static boolean healthy(URI baseUri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(baseUri.resolve("/_devstack/endpoints"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return false;
    }

    private static int token(Map<String, String> options, PrintStream out, PrintStream err) {
        String user = options.get("user");
        if (user == null || user.isBlank()) {
            err.println("token needs --user NAME");
            err.print(USAGE);
            return 2;
        }
        Path keyDirectory = options.containsKey("data") ? Path.of(options.get("data")).toAbsolutePath()
                : LocalJwtIssuer.defaultHome();
        out.println(LocalJwtIssuer.loadOrCreate(keyDirectory).tokenFor(user));
        return 0;
    }

    private static int plan(Map<String, String> options, PrintStream out, PrintStream err) {
        String user = options.get("user");
        String tier = options.get("tier");
        if (user == null || user.isBlank() || tier == null || tier.isBlank()) {
            err.println("plan needs --user NAME --tier free|basic|pro|enterprise");
            err.print(USAGE);
            return 2;
        }
        int port = Integer.parseInt(options.getOrDefault("port", "3000"));
        String body;
        try {
            body = new ObjectMapper().writeValueAsString(Map.of("user", user, "tier", tier));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/_devstack/plans"))
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            (response.statusCode() == 200 ? out : err).println(response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            err.println("no devstack answers on port " + port + " (start it with: up --port " + port + "): " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
