package dev.pms.journeys.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import dev.pms.core.json.Json;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.devstack.auth.LocalJwtIssuer;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * {@code demo [--brief FILE] [--out DIR] [--url URL] [--data DIR] [--template PATH] [--timeout SECONDS]}: Journey A end to end over
 * HTTP on a devstack, as a new user on the pro plan: brand profile, blueprint, pre-flight, proposals, approval, an
 * autopilot generation run followed on a progress line, then every asset downloaded, checked against its SHA-256 and
 * listed in {@code manifest.json}, with {@code index.html} beside it, a contact sheet of them all. Exit code 0 when the run succeeded (possibly with failed assets), 1 when it or any
 * call failed, 2 for bad options or a bad brief.
 */
public final class DemoCommand {
    static final URI DEFAULT_URL = URI.create("http://localhost:" + DevstackOptions.DEFAULT_CLI_PORT);
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    static final String DEFAULT_OUT = "demo-output";
    private static final Set<String> FINAL = Set.of("succeeded", "completed_with_failures", "failed", "stopped");
    private static final Set<String> SUCCESSFUL = Set.of("succeeded", "completed_with_failures");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final PrintStream out;
    private final PrintStream err;
    private final DemoBrief brief;
    private final Path outDir;
    private final Duration timeout;
    private final ProgressBar progress;

    private DemoCommand(PrintStream out, PrintStream err, DemoBrief brief, Path outDir, Duration timeout) {
        this.out = out;
        this.err = err;
        this.brief = brief;
        this.outDir = outDir;
        this.timeout = timeout;
        this.progress = new ProgressBar(err);
    }

    /**
     * Runs the demo with the CLI's options ({@code brief}, {@code out}, {@code url}, {@code data}, {@code template},
     * {@code timeout}).
     *
     * @return the process exit code
     */
    public static int run(Map<String, String> options, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        DemoBrief brief;
        try {
            brief = options.containsKey("brief") ? DemoBrief.read(Path.of(options.get("brief")))
                    : DemoBrief.defaultBrief();
        } catch (DemoBrief.InvalidBriefException e) {
            err.println(e.getMessage());
            return 2;
        }
        URI url = null;
        if (options.containsKey("url")) {
            url = parseUrl(options.get("url"));
            if (url == null) {
                err.println("--url must be the devstack's address, e.g. http://localhost:3000, not " + options.get("url"));
                return 2;
            }
        }
        Duration timeout = DEFAULT_TIMEOUT;
        if (options.containsKey("timeout")) {
            try {
                timeout = Duration.ofSeconds(Long.parseLong(options.get("timeout")));
            } catch (NumberFormatException e) {
                timeout = Duration.ZERO;
            }
            if (timeout.isZero() || timeout.isNegative()) {
                err.println("--timeout must be a whole number of seconds above 0, not " + options.get("timeout"));
                return 2;
            }
        }
        Path outDir = Path.of(options.getOrDefault("out", DEFAULT_OUT)).toAbsolutePath().normalize();
        Path template = options.containsKey("template") ? Path.of(options.get("template")).toAbsolutePath() : null;
        Path keyDirectory = options.containsKey("data") ? Path.of(options.get("data")).toAbsolutePath()
                : LocalJwtIssuer.defaultHome();

        DemoCommand demo = new DemoCommand(out, err, brief, outDir, timeout);
        HttpClient http = DemoApi.newHttpClient();
        try (Target target = url != null ? demo.attach(http, url, keyDirectory)
                : demo.attachOrStart(http, keyDirectory, template)) {
            return demo.journey(http, target, started);
        } catch (DemoFailure e) {
            demo.progress.finish();
            err.println("demo failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            demo.progress.finish();
            err.println("demo failed unexpectedly: " + e);
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                err.println("  caused by: " + cause);
            }
            return 1;
        }
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The devstack the demo talks to; closing it stops the devstack only when the demo started it. */
    private record Target(URI gateway, String apiPrefix, Function<String, String> tokens, Devstack owned)
            implements AutoCloseable {
        @Override
        public void close() {
            if (owned != null) {
                owned.close();
            }
        }
    }

    private Target attachOrStart(HttpClient http, Path keyDirectory, Path template) {
        if (endpoints(http, DEFAULT_URL) != null) {
            return attach(http, DEFAULT_URL, keyDirectory);
        }
        out.println("devstack   nothing answers on " + DEFAULT_URL + "; starting one in this process (in memory)");
        long started = System.nanoTime();
        Devstack devstack;
        try {
            DevstackOptions options = DevstackOptions.defaults().withAutomaticSchedules(false);
            devstack = Devstack.start(template == null ? options : options.withTemplate(template));
        } catch (RuntimeException e) {
            throw new DemoFailure("the devstack could not start: " + e.getMessage());
        }
        out.printf("devstack   %s ready in %d ms%n", devstack.baseUri(), (System.nanoTime() - started) / 1_000_000);
        return new Target(devstack.baseUri(), devstack.apiPrefix(), devstack::tokenFor, devstack);
    }

    private Target attach(HttpClient http, URI url, Path keyDirectory) {
        JsonNode endpoints = endpoints(http, url);
        if (endpoints == null) {
            throw new DemoFailure("no devstack answers on " + url + " (--url); start one with `java -jar "
                    + "journeys/target/devstack.jar up` or leave out --url to let the demo start its own");
        }
        LocalJwtIssuer issuer = LocalJwtIssuer.loadOrCreate(keyDirectory);
        List<String> ours = issuer.publicKeys().getKeys().stream().map(JWK::getKeyID).toList();
        JsonNode jwks = get(http, url.resolve("/_devstack/jwks.json"));
        List<String> theirs = new ArrayList<>();
        if (jwks != null) {
            jwks.path("keys").forEach(key -> theirs.add(key.path("kid").asText()));
        }
        if (theirs.stream().noneMatch(ours::contains)) {
            throw new DemoFailure("the devstack on " + url + " signs tokens with another key than "
                    + keyDirectory.resolve(LocalJwtIssuer.KEY_FILE_NAME) + "; pass --data with the directory that `up"
                    + " --data` was given (without --data, `up` uses $" + LocalJwtIssuer.HOME_ENVIRONMENT_VARIABLE
                    + " or ~/.pms-devstack)");
        }
        String apiPrefix = URI.create(endpoints.path("api").asText()).getPath();
        out.println("devstack   " + url + " (api " + apiPrefix + ")");
        return new Target(url, apiPrefix, issuer::tokenFor, null);
    }

    /** {@code GET /_devstack/endpoints}, or null when nothing answers there; anything but a devstack fails. */
    private static JsonNode endpoints(HttpClient http, URI url) {
        JsonNode endpoints = get(http, url.resolve("/_devstack/endpoints"));
        if (endpoints != null && !endpoints.hasNonNull("api")) {
            throw new DemoFailure(url + " answers, but GET /_devstack/endpoints does not describe a devstack: "
                    + endpoints);
        }
        return endpoints;
    }

    private static JsonNode get(HttpClient http, URI uri) {
        HttpRequest probe = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(probe, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new DemoFailure("GET " + uri + " → " + response.statusCode() + "; is this a devstack?\n"
                    + DemoApi.describeError(response.body()));
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new DemoFailure("GET " + uri + " answers something that is not JSON; is this a devstack?");
        }
    }

    private int journey(HttpClient http, Target target, long started) {
        String user = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        DemoApi api = new DemoApi(http, target.gateway(), target.apiPrefix(), target.tokens().apply(user));
        api.devstack("POST", "/_devstack/plans", Map.of("user", user, "tier", "pro"));
        out.println("user       " + user + " on the pro plan");

        if (brief.brandProfile() != null) {
            JsonNode profile = api.put("/brand-profile", brief.brandProfile());
            out.println("brand      profile saved (version " + profile.path("version").asText("?") + ")");
        } else {
            out.println("brand      the brief has no brand_profile; the suite's defaults apply");
        }

        JsonNode campaign = api.post("/campaigns/create-blueprint", brief.blueprint());
        String campaignId = campaign.get("campaign_id").asText();
        String campaignName = campaign.path("campaign_name").asText(brief.campaignName());
        List<String> phases = new ArrayList<>();
        campaign.path("phases").forEach(phase -> phases.add(phase.path("name").asText()));
        out.printf("blueprint  \"%s\" → campaign %s: %d asset nodes on %s; phases %s%n", campaignName, campaignId,
                campaign.path("asset_nodes").size(), String.join(", ", brief.channels()), String.join(" → ", phases));

        String campaignPath = "/campaigns/" + campaignId;
        JsonNode preflight = api.post(campaignPath + "/preflight", "{}");
        JsonNode summary = preflight.path("summary");
        BigDecimal estimated = DemoOutput.decimal(summary, "estimated_cost");
        boolean canProceed = preflight.path("can_proceed").asBoolean(false);
        out.printf("preflight  %d assets (%d image, %d text, %d video, %d audio), estimated $%s; can proceed: %s%n",
                summary.path("total_assets").asInt(), summary.path("image_count").asInt(),
                summary.path("text_count").asInt(), summary.path("video_count").asInt(),
                summary.path("audio_count").asInt(), estimated == null ? "?" : estimated.toPlainString(),
                canProceed ? "yes" : "NO");
        out.println("           " + preflight.path("message").asText());
        if (!canProceed) {
            preflight.path("error_details").forEach(detail -> err.println("  " + detail.asText()));
            throw new DemoFailure("the pre-flight says the pro plan does not cover this campaign");
        }

        JsonNode proposals = api.post(campaignPath + "/generate-proposals", "{}");
        JsonNode approved = api.post(campaignPath + "/proposals/approve-all", null);
        out.printf("proposals  %d proposed, %d approved%n", proposals.path("proposals").size(),
                approved.path("approved").asInt());

        JsonNode run = api.post(campaignPath + "/generation", Map.of("autopilot", true));
        out.println("generation " + run.path("status").asText() + " (" + run.path("execution_id").asText() + ")");
        long runStarted = System.nanoTime();
        JsonNode status = await(api, campaignPath + "/generation");
        String outcome = status.path("status").asText();
        JsonNode counts = status.path("progress");
        BigDecimal spent = DemoOutput.decimal(status.path("cost"), "spent_usd");
        out.printf("run        %s in %.1f s: %d ready, %d failed, $%s spent%n", outcome,
                (System.nanoTime() - runStarted) / 1e9, counts.path("ready").asInt(), counts.path("failed").asInt(),
                spent == null ? "0" : spent.toPlainString());
        status.path("errors").forEach(error -> err.println("  failed " + error.path("asset_id").asText() + ": "
                + error.path("reason").asText()));
        if (status.hasNonNull("error")) {
            err.println("  run error: " + status.get("error").asText());
        }

        DemoOutput.Manifest manifest = new DemoOutput(api, outDir).write(campaignId, campaignName, status, estimated);
        long written = manifest.assets().stream().filter(asset -> asset.path() != null).count();
        out.printf("assets     %d of %d written, every SHA-256 checked%n", written, manifest.assetCount());
        Path contactSheet = ContactSheet.write(outDir, readManifest(), api.get(campaignPath));
        out.println("open       " + contactSheet.toAbsolutePath() + " (every asset by channel and phase)");
        out.printf("done       %d assets, %,d bytes, $%s, %.1f s wall, %s%n", manifest.assetCount(),
                manifest.totalBytes(), spent == null ? "0" : spent.toPlainString(),
                (System.nanoTime() - started) / 1e9, outDir);
        if (!SUCCESSFUL.contains(outcome)) {
            err.println("demo failed: the generation run ended " + outcome);
            return 1;
        }
        return 0;
    }

    private JsonNode readManifest() {
        Path file = outDir.resolve(DemoOutput.MANIFEST);
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new DemoFailure("cannot read " + file + ": " + e);
        }
    }

    /** Polls the run until it is final, redrawing the progress line; gives up at the deadline. */
    private JsonNode await(DemoApi api, String statusPath) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = api.get(statusPath);
            JsonNode counts = status.path("progress");
            String state = status.path("status").asText();
            progress.update(counts.path("ready").asInt(), counts.path("failed").asInt(), counts.path("total").asInt(),
                    DemoOutput.decimal(status.path("cost"), "spent_usd"), state);
            if (FINAL.contains(state)) {
                progress.finish();
                return status;
            }
            if (System.nanoTime() - deadline > 0) {
                progress.finish();
                throw new DemoFailure("the generation run did not finish within " + timeout.toSeconds()
                        + " s (--timeout); it is still " + state + ": " + counts);
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }
}
