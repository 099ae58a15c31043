package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.aws.dynamodb.AppTable;
import dev.pms.aws.dynamodb.DynamoBrandProfileRepository;
import dev.pms.aws.dynamodb.DynamoCampaignRepository;
import dev.pms.aws.dynamodb.DynamoSignalLog;
import dev.pms.aws.dynamodb.PageTokens;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.json.Json;
import dev.pms.core.personalization.LearningSettings;
import dev.pms.core.personalization.PreferenceSignals;
import dev.pms.core.personalization.PromptEdit;
import dev.pms.core.personalization.RecordedSignals;
import dev.pms.core.personalization.Signal;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * How well personalization recovers what users actually prefer, and what recording a signal costs the request path.
 *
 * <p>N simulated users (default 200, fixed seed) each get planted preferences: the channels and goal they plan
 * campaigns with, a photoshoot look, a video type and resolution, an avatar explainer type and how many Instagram
 * hashtags they keep. Their onboarding profile (what the Brand DNA sees) matches that behaviour for 30 % of the users
 * and is drawn independently for the rest. Each user then acts 20 times (campaign plans, studio submissions, caption
 * edits), following each planted preference with probability 0.8 and choosing at random otherwise, spread over the
 * last 60 days. The signals go into the devstack's DynamoDB through the real signal log; the defaults are read
 * through the gateway after 0 (the DNA-only baseline), 5, 10 and 20 events, and each planted preference counts as
 * recovered when the default equals it. The learning parameters (half-life, minimum of events) are the template's
 * defaults, chosen before this benchmark existed and checked on tuning seed 7; the default seed is held out from that.
 *
 * <p>Latency: the median of one {@link RecordedSignals#record} (one PutItem against the devstack's DynamoDB), and,
 * as the request path sees it, the median of creating a blueprint through the real services and repositories with
 * signals on, minus the same with signals off (interleaved, same JVM, same table).
 */
public final class PersonalizationBenchmark {
    static final int EVENTS = 20;
    /** The response's wait for its signals, as template.yaml's PersonalizationSignalWaitMs default. */
    static final Duration WAIT = Duration.ofMillis(3);
    static final List<Integer> CHECKPOINTS = List.of(0, 5, 10, 20);
    static final double FOLLOWS = 0.8;
    static final double ONBOARDING_MATCHES = 0.3;
    static final List<String> CHANNELS = List.of("instagram", "linkedin", "facebook", "tiktok", "twitter", "pinterest",
            "youtube");
    static final List<String> GOALS = List.of("product_launch", "awareness", "conversion", "retention");
    static final List<String> ENVIRONMENTS = List.of("studio", "lifestyle", "outdoor", "minimalist", "luxury");
    static final List<String> BACKGROUNDS = List.of("white", "transparent", "lifestyle", "branded");
    static final List<String> LIGHTING = List.of("natural", "studio", "dramatic", "soft");
    static final List<String> STYLES = List.of("photorealistic", "minimalist", "luxury", "technical");
    static final List<String> VIDEO_TYPES = List.of("demo", "storytelling", "feature_highlight", "launch");
    static final List<String> VIDEO_RESOLUTIONS = List.of("480p", "720p", "1080p");
    static final List<String> EXPLAINERS = List.of("product_overview", "feature_explainer", "tutorial", "brand_message");
    /** The words an onboarding profile uses for a look, as the Brand DNA reads them. */
    static final Map<String, String> LOOK_WORDS = Map.of("luxury", "premium, elegant still lifes",
            "outdoor", "rugged outdoor adventure scenes", "minimalist", "minimalist compositions with white space",
            "lifestyle", "natural light, real people using the product", "studio", "plain product shots");
    static final List<String> DIMENSIONS = List.of("campaign.channels", "campaign.goal", "photoshoot.environment",
            "photoshoot.background_style", "photoshoot.lighting", "photoshoot.style", "video.video_type",
            "video.resolution", "avatar.explainer_type", "instagram.hashtags");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What one simulated user prefers. */
    record Planted(Set<String> channels, String goal, String environment, String background, String lighting,
                   String style, String videoType, String videoResolution, String explainer, int hashtags) {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261203L;
        new PersonalizationBenchmark().run(users, seed);
    }

    void run(int users, long seed) throws Exception {
        try (Devstack devstack = Devstack.start(DevstackOptions.defaults().withPort(0)
                .withSigningKeyDirectory(Files.createTempDirectory("pms-bench-keys")));
             DynamoDbClient dynamo = devstack.localAws().dynamoDbClient()) {
            AppTable table = new AppTable(devstack.resources().tableName("AppTable"));
            DynamoSignalLog log = new DynamoSignalLog(dynamo, table);
            System.out.printf(Locale.ROOT, "== recovery: %d simulated users, seed %d, %d events each, each preference "
                    + "followed with probability %.1f, onboarding matching behaviour for %.0f %% of users%n", users, seed,
                    EVENTS, FOLLOWS, ONBOARDING_MATCHES * 100);
            recovery(devstack, log, users, seed);
            System.out.println();
            System.out.println("== latency of recording a signal on the request path");
            latency(devstack, dynamo, table, log);
        }
    }

    private void recovery(Devstack devstack, DynamoSignalLog log, int users, long seed) throws Exception {
        Random random = new Random(seed);
        Instant now = Instant.now();
        Map<Integer, int[]> recoveredByCheckpoint = new LinkedHashMap<>();
        Map<Integer, Map<String, Integer>> byDimension = new LinkedHashMap<>();
        CHECKPOINTS.forEach(k -> {
            recoveredByCheckpoint.put(k, new int[2]);
            byDimension.put(k, new LinkedHashMap<>());
        });
        long started = System.nanoTime();
        for (int u = 0; u < users; u++) {
            String user = "bench-personalization-" + seed + "-" + u;
            String token = devstack.tokenFor(user);
            Planted planted = plant(random);
            send("PUT", devstack.apiBase() + "/brand-profile", token, profile(planted, random));
            List<Signal> events = history(planted, random, now);
            int written = 0;
            for (int checkpoint : CHECKPOINTS) {
                if (checkpoint > written) {
                    log.append(user, events.subList(written, checkpoint), now.plus(Duration.ofDays(365)));
                    written = checkpoint;
                }
                Map<String, Boolean> recovered = score(devstack, token, planted);
                int[] tally = recoveredByCheckpoint.get(checkpoint);
                recovered.forEach((dimension, hit) -> {
                    tally[0] += hit ? 1 : 0;
                    tally[1]++;
                    byDimension.get(checkpoint).merge(dimension, hit ? 1 : 0, Integer::sum);
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int[] baseline = recoveredByCheckpoint.get(0);
        System.out.printf(Locale.ROOT, "DNA-only baseline (0 events): %.1f %% of %d planted preferences recovered%n",
                100.0 * baseline[0] / baseline[1], baseline[1]);
        for (int checkpoint : CHECKPOINTS.subList(1, CHECKPOINTS.size())) {
            int[] tally = recoveredByCheckpoint.get(checkpoint);
            System.out.printf(Locale.ROOT, "after %2d events: %.1f %% recovered (%+.1f points over the DNA-only baseline)%n",
                    checkpoint, 100.0 * tally[0] / tally[1], 100.0 * (tally[0] - baseline[0]) / tally[1]);
        }
        System.out.println("per preference (share of users recovered at 0 / 5 / 10 / 20 events):");
        for (String dimension : DIMENSIONS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s", dimension));
            for (int checkpoint : CHECKPOINTS) {
                line.append(String.format(Locale.ROOT, " %5.1f %%",
                        100.0 * byDimension.get(checkpoint).getOrDefault(dimension, 0) / users));
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "(%d users: %d defaults read through the gateway in %.0f s)%n", users,
                users * CHECKPOINTS.size() * 5, seconds);
    }

    static Planted plant(Random random) {
        Set<String> channels = new HashSet<>();
        int count = 2 + random.nextInt(2);
        while (channels.size() < count) {
            channels.add(pick(CHANNELS, random));
        }
        return new Planted(channels, pick(GOALS, random), pick(ENVIRONMENTS, random), pick(BACKGROUNDS, random),
                pick(LIGHTING, random), pick(STYLES, random), pick(VIDEO_TYPES, random), pick(VIDEO_RESOLUTIONS, random),
                pick(EXPLAINERS, random), random.nextInt(3));
    }

    /** The onboarding profile: the user's behaviour for some users, an unrelated one for the rest. */
    static String profile(Planted planted, Random random) {
        boolean matches = random.nextDouble() < ONBOARDING_MATCHES;
        Set<String> unrelated = new HashSet<>();
        while (unrelated.size() < 2) {
            unrelated.add(pick(CHANNELS, random));
        }
        List<String> platforms = new ArrayList<>(matches ? planted.channels() : unrelated);
        Collections.sort(platforms);
        String look = matches ? planted.environment() : pick(ENVIRONMENTS, random);
        ObjectNode body = Json.mapper().createObjectNode();
        platforms.forEach(body.putObject("persona_data").putArray("selected_platforms")::add);
        body.putObject("website_analysis").putObject("style_guidelines").put("imagery", LOOK_WORDS.get(look));
        return Json.write(body);
    }

    /** 20 events in time order over the last 60 days, each following the planted preferences with probability 0.8. */
    static List<Signal> history(Planted planted, Random random, Instant now) {
        List<Signal> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            Instant at = now.minus(Duration.ofHours(3L * 24 * (EVENTS - i)));
            double kind = random.nextDouble();
            if (kind < 0.35) {
                List<Channel> channels = new ArrayList<>();
                for (String channel : CHANNELS) {
                    boolean wanted = planted.channels().contains(channel);
                    if (random.nextDouble() < 0.9 ? wanted : !wanted && random.nextDouble() < 0.3) {
                        channels.add(Channel.parse(channel).orElseThrow());
                    }
                }
                if (channels.isEmpty()) {
                    channels.add(Channel.parse(planted.channels().iterator().next()).orElseThrow());
                }
                events.add(Signal.blueprintCreated(channels, Goal.parse(follow(planted.goal(), GOALS, random))
                        .orElseThrow(), at));
            } else if (kind < 0.60) {
                events.add(Signal.studioSettingsSubmitted("product_photoshoot", Map.of(
                        "environment", follow(planted.environment(), ENVIRONMENTS, random),
                        "background_style", follow(planted.background(), BACKGROUNDS, random),
                        "lighting", follow(planted.lighting(), LIGHTING, random),
                        "style", follow(planted.style(), STYLES, random)), at));
            } else if (kind < 0.75) {
                events.add(Signal.studioSettingsSubmitted("product_video", Map.of(
                        "video_type", follow(planted.videoType(), VIDEO_TYPES, random),
                        "resolution", follow(planted.videoResolution(), VIDEO_RESOLUTIONS, random)), at));
            } else if (kind < 0.85) {
                events.add(Signal.studioSettingsSubmitted("product_avatar", Map.of(
                        "explainer_type", follow(planted.explainer(), EXPLAINERS, random)), at));
            } else {
                int kept = random.nextDouble() < FOLLOWS ? planted.hashtags() : random.nextInt(6);
                events.add(Signal.promptEdited(Channel.INSTAGRAM, AssetType.TEXT, new PromptEdit(List.of(), List.of(),
                        3, kept), at));
            }
        }
        return events;
    }

    /** Which planted preferences the defaults (and the learned hashtags) now show. */
    private Map<String, Boolean> score(Devstack devstack, String token, Planted planted) throws Exception {
        Map<String, Boolean> hits = new LinkedHashMap<>();
        JsonNode campaign = send("GET", devstack.apiBase() + "/personalization/defaults/campaign_creator", token, null)
                .get("defaults");
        Set<String> channels = new HashSet<>();
        campaign.get("channels").forEach(channel -> channels.add(channel.asText()));
        hits.put("campaign.channels", channels.equals(planted.channels()));
        hits.put("campaign.goal", campaign.get("goal").asText().equals(planted.goal()));
        JsonNode photoshoot = send("GET", devstack.apiBase() + "/personalization/defaults/product_photoshoot", token, null)
                .get("defaults");
        hits.put("photoshoot.environment", photoshoot.get("environment").asText().equals(planted.environment()));
        hits.put("photoshoot.background_style", photoshoot.get("background_style").asText().equals(planted.background()));
        hits.put("photoshoot.lighting", photoshoot.get("lighting").asText().equals(planted.lighting()));
        hits.put("photoshoot.style", photoshoot.get("style").asText().equals(planted.style()));
        JsonNode video = send("GET", devstack.apiBase() + "/personalization/defaults/product_video", token, null)
                .get("defaults");
        hits.put("video.video_type", video.get("video_type").asText().equals(planted.videoType()));
        hits.put("video.resolution", video.get("resolution").asText().equals(planted.videoResolution()));
        JsonNode avatar = send("GET", devstack.apiBase() + "/personalization/defaults/product_avatar", token, null)
                .get("defaults");
        hits.put("avatar.explainer_type", avatar.get("explainer_type").asText().equals(planted.explainer()));
        JsonNode hashtags = send("GET", devstack.apiBase() + "/personalization/preferences", token, null)
                .at("/preferences/hashtags/instagram/value");
        int recommended = 3;
        int shown = hashtags.isMissingNode() ? recommended : hashtags.asInt();
        hits.put("instagram.hashtags", shown == planted.hashtags());
        return hits;
    }

    private void latency(Devstack devstack, DynamoDbClient dynamo, AppTable table, DynamoSignalLog log) throws Exception {
        Clock clock = Clock.systemUTC();
        String user = "bench-latency-" + UUID.randomUUID();
        Signal sample = Signal.blueprintCreated(List.of(Channel.INSTAGRAM, Channel.TIKTOK), Goal.AWARENESS, clock.instant());
        RecordedSignals inline = new RecordedSignals(log, LearningSettings.DEFAULTS, clock);
        List<Double> puts = samples(500, () -> inline.record(user, sample), () -> { });
        System.out.printf(Locale.ROOT, "one signal written on the caller's thread (one PutItem, 500 samples): median "
                + "%.2f ms, p90 %.2f ms: what a synchronous write would add%n", quantile(puts, 0.5), quantile(puts, 0.9));

        RecordedSignals background = RecordedSignals.inBackground(log, LearningSettings.DEFAULTS, clock, WAIT);
        List<Double> recorded = samples(500, () -> background.record(user, sample), background::awaitRecorded);
        System.out.printf(Locale.ROOT, "one signal as the API functions record it (in the background, then the "
                + "response's wait of at most %d ms; 500 samples): median %.2f ms, p90 %.2f ms%n", WAIT.toMillis(),
                quantile(recorded, 0.5), quantile(recorded, 0.9));

        ChannelCatalog catalog = ChannelCatalog.load();
        DynamoCampaignRepository campaigns = new DynamoCampaignRepository(dynamo, table, new PageTokens(() -> new byte[32]));
        DynamoBrandProfileRepository profiles = new DynamoBrandProfileRepository(dynamo, table, clock);
        CampaignService withSignals = new CampaignService(campaigns, profiles, catalog, clock,
                () -> UUID.randomUUID().toString(), background);
        CampaignService without = new CampaignService(campaigns, profiles, catalog, clock,
                () -> UUID.randomUUID().toString(), PreferenceSignals.NONE);
        JsonNode body = Json.mapper().readTree("{\"campaign_name\": \"Latency\", \"goal\": \"awareness\", "
                + "\"channels\": [\"instagram\", \"tiktok\"]}");
        samples(30, () -> withSignals.createBlueprint(user, body), background::awaitRecorded);
        samples(30, () -> without.createBlueprint(user, body), () -> { });
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            on.addAll(samples(1, () -> withSignals.createBlueprint(user, body), background::awaitRecorded));
            off.addAll(samples(1, () -> without.createBlueprint(user, body), () -> { }));
        }
        double added = quantile(on, 0.5) - quantile(off, 0.5);
        System.out.printf(Locale.ROOT, "create blueprint through the services and repositories, then the response's "
                + "wait (200 interleaved pairs): median %.2f ms with signals, %.2f ms without: %.2f ms added "
                + "(target < 5 ms: %s)%n", quantile(on, 0.5), quantile(off, 0.5), added, added < 5 ? "met" : "NOT met");
        int expected = 500 + 500 + 230;
        int stored = 0;
        for (int look = 0; look < 100 && stored < expected; look++) {
            Thread.sleep(100);
            stored = log.recent(user, 2_000).size();
        }
        System.out.printf(Locale.ROOT, "signals stored once the background writes finished: %d of %d recorded%n",
                stored, expected);
        System.out.println("times are on this machine against the devstack's DynamoDB (moto behind the write-serialising "
                + "proxy, which also queues the signal's write behind the campaign's); in AWS one PutItem is "
                + "single-digit milliseconds and runs beside the campaign's write");
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Times {@code call} then {@code end} (the response's wait), {@code count} times, in milliseconds. */
    private static List<Double> samples(int count, Step call, Step end) throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call.run();
            end.run();
            samples.add((System.nanoTime() - start) / 1e6);
        }
        return samples;
    }

    static double quantile(List<Double> samples, double q) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }

    private static String follow(String planted, List<String> choices, Random random) {
        return random.nextDouble() < FOLLOWS ? planted : pick(choices, random);
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private JsonNode send(String method, String uri, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("authorization", "Bearer " + token);
        if (json != null) {
            request.header("content-type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.mapper().readTree(response.body());
    }
}
