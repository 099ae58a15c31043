package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.QualityTier;
import dev.pms.providers.http.Sleeper;
import dev.pms.providers.openai.ChatCompletionsStub;
import dev.pms.providers.openai.OpenAiCompatibleConfig;
import dev.pms.providers.openai.OpenAiCompatibleTextProvider;
import dev.pms.providers.stability.StabilityConfig;
import dev.pms.providers.stability.StabilityProvider;
import dev.pms.providers.stability.StabilityStub;
import dev.pms.providers.wavespeed.WaveSpeedConfig;
import dev.pms.providers.wavespeed.WaveSpeedProvider;
import dev.pms.providers.wavespeed.WaveSpeedStub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static dev.pms.providers.wavespeed.WaveSpeedFixtures.animation;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.explainer;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.mp3;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.mp4;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.photoshoot;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.png;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.productVideo;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.scenes;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.studioRequest;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.wav;

/**
 * HTTP calls per asset of the real provider clients (WaveSpeed, Stability, OpenAI-compatible) against local stubs of
 * their protocols: each asset is made as the worker makes it, submit then a poll per delayed SQS message until it
 * completes, with the stubs answering {@code processing} for N polls first. Nothing leaves the machine and no wait is
 * slept (poll delays are the queue's, retry waits go to a recording sleeper). Every count is checked against the
 * client's own {@code httpCalls()} and {@code details.http_calls}. Run with {@code bench/provider-calls.sh [N]}.
 */
public final class ProviderCallsBench {
    public static final int DEFAULT_PROCESSING_POLLS = 2;
    private static final String KEY = "bench-key-0000000000000000";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    private static final int MAX_POLL_MESSAGES = 1_000;
    private static final String SCRIPT = "Meet Acme Notes. It listens to every meeting, writes the summary for you "
            + "and files each next step where your team already works, so nothing slips.";
    private static final double SCRIPT_SECONDS = 10.4;
    private static final String QWEN_PATH = "wavespeed-ai/qwen-image/text-to-image";
    private static final Sleeper NO_WAIT = duration -> { };
    private static final Logger PROVIDER_LOGS = Logger.getLogger("dev.pms.providers");

    /** One asset: its HTTP calls by kind, the delayed messages the worker sends to poll it, and what came back. */
    public record Row(String provider, String model, String assetType, String placement, int submits, int polls,
                      int downloads, int uploads, int pollMessages, long bytes, String size) {

        public int total() {
            return submits + polls + downloads + uploads;
        }
    }

    /** A {@code Row} made while the stub failed a call once, the calls it cost over the fault-free row, the waits. */
    public record Retry(String scenario, Row row, int extraCalls, List<Duration> waits) {
    }

    private enum Kind { SUBMIT, POLL, DOWNLOAD, UPLOAD }

    private record Outcome(GeneratedMedia media, int pollMessages, int lastStepCalls) {
    }

    private ProviderCallsBench() {
    }

    public static void main(String[] args) {
        int processingPolls = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PROCESSING_POLLS;
        if (processingPolls < 0) {
            throw new IllegalArgumentException("N, the polls answered 'processing', must be 0 or more");
        }
        PROVIDER_LOGS.setLevel(Level.WARNING);
        System.out.printf(Locale.ROOT, "stubs answer 'processing' for %d poll(s), then 'completed'; local stubs only, "
                + "no wait slept%n%n", processingPolls);
        List<Row> rows = assets(processingPolls);
        System.out.println("| provider | model | asset type | placement | HTTP calls | submit | polls | downloads "
                + "| uploads | worker poll messages | asset bytes | size |");
        System.out.println("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|---|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %d | %d | %d | %d | %d | %s |%n",
                    row.provider(), row.model(), row.assetType(), row.placement(), row.total(), row.submits(),
                    row.polls(), row.downloads(), row.uploads(), row.pollMessages(), row.bytes(), row.size());
        }
        System.out.println();
        System.out.println("Product studio: HTTP calls per studio asset");
        System.out.println();
        System.out.println("| studio operation | provider | model | canvas | HTTP calls | submit | polls | downloads "
                + "| uploads | worker poll messages | asset bytes | size |");
        System.out.println("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|---|");
        for (Row row : studioAssets(processingPolls)) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %d | %d | %d | %d | %d | %s |%n",
                    row.placement().substring("studio/".length()), row.provider(), row.model(), row.assetType(),
                    row.total(), row.submits(), row.polls(), row.downloads(), row.uploads(), row.pollMessages(),
                    row.bytes(), row.size());
        }
        System.out.println();
        for (Retry retry : retries(processingPolls)) {
            Row row = retry.row();
            System.out.printf(Locale.ROOT, "retry: %s (%s %s): %d HTTP calls (submit %d, polls %d, downloads %d), "
                            + "%+d over the table; worker poll messages %d; client waits %s (recorded, not slept)%n",
                    retry.scenario(), row.provider(), row.model(), row.total(), row.submits(), row.polls(),
                    row.downloads(), retry.extraCalls(), row.pollMessages(),
                    retry.waits().stream().map(wait -> String.format(Locale.ROOT, "%.3f s", wait.toMillis() / 1000.0))
                            .collect(Collectors.joining(", ", "[", "]")));
        }
    }

    /** One asset of each kind, each from a fresh stub and client, the stubs answering {@code processing} N times. */
    public static List<Row> assets(int processingPolls) {
        int n = processingPolls;
        byte[] squareFrame = png(1080, 1080);
        byte[] portraitFrame = png(720, 1280);
        byte[] landscapeFrame = png(1280, 720);
        List<Row> rows = new ArrayList<>();
        rows.add(qwenImage(n, stub -> { }, NO_WAIT));
        rows.add(waveSpeed(image("linkedin/post_landscape", "ideogram-v3-turbo", null), NO_WAIT,
                stub -> stub.prediction("p-ideogram", "ideogram-ai/ideogram-v3-turbo", n,
                        stub.serve("ideogram.png", png(1344, 768), "image/png"))));
        rows.add(waveSpeed(image("instagram/feed_square", "qwen-image-edit", squareFrame), NO_WAIT,
                stub -> stub.prediction("p-edit", "wavespeed-ai/qwen-image/edit", n,
                        stub.serve("edit.png", png(1024, 1024), "image/png"))));
        rows.add(waveSpeed(request(AssetType.VIDEO, "instagram/reel", "wavespeed", "wan-2.5-i2v-720p", portraitFrame,
                        null), NO_WAIT,
                stub -> stub.prediction("p-wan", "alibaba/wan-2.5/image-to-video", n,
                        stub.serve("wan.mp4", mp4(5, 720, 1280), "video/mp4"))));
        rows.add(waveSpeed(request(AssetType.AVATAR, "youtube/video", "wavespeed", "infinitetalk-480p", landscapeFrame,
                        SCRIPT), NO_WAIT,
                stub -> avatar(stub, n, "wavespeed-ai/infinitetalk", mp4(SCRIPT_SECONDS, 854, 480))));
        rows.add(waveSpeed(request(AssetType.AVATAR, "youtube/video", "wavespeed", "hunyuan-avatar", landscapeFrame,
                        SCRIPT), NO_WAIT,
                stub -> avatar(stub, n, "wavespeed-ai/hunyuan-avatar", mp4(SCRIPT_SECONDS, 854, 480))));
        rows.add(waveSpeed(request(AssetType.AUDIO, null, "wavespeed", "speech-02-hd", null, SCRIPT), NO_WAIT,
                stub -> stub.prediction("p-voice", "minimax/speech-02-hd", n,
                        stub.serve("voice.wav", wav(SCRIPT_SECONDS), "audio/wav"))));
        rows.add(stability(request(AssetType.IMAGE, "instagram/feed_portrait", "stability", "stable-image-core", null,
                        null),
                stub -> stub.then(StabilityStub.Reply.image(png(896, 1152), "SUCCESS"))));
        rows.add(stability(request(AssetType.IMAGE, "instagram/feed_portrait", "stability", "upscale-creative",
                        png(512, 640), null),
                stub -> stub.asyncGeneration("g-upscale-1", n, png(2048, 2560))));
        rows.add(openAiText("linkedin/post_copy"));
        return rows;
    }

    /**
     * One product-studio asset per operation and model family, as the studio core sends them (a {@code StudioBrief}
     * on the request, the canvas as the placement), each made as the worker makes it. Rows are keyed by model; the
     * placement column holds {@code studio/<operation>} and the asset type column the canvas.
     */
    public static List<Row> studioAssets(int processingPolls) {
        int n = processingPolls;
        List<Row> rows = new ArrayList<>();
        rows.add(studio(waveSpeed(studioRequest(photoshoot("white"), AssetType.IMAGE, 1080, 1350, "qwen-image", null,
                        null), NO_WAIT,
                stub -> stub.prediction("s-qwen", QWEN_PATH, n, stub.serve("shoot.png", png(1024, 1280),
                        "image/png"))), 1080, 1350));
        rows.add(studio(waveSpeed(studioRequest(photoshoot("lifestyle"), AssetType.IMAGE, 1280, 720,
                        "ideogram-v3-turbo", null, null), NO_WAIT,
                stub -> stub.prediction("s-ideogram", "ideogram-ai/ideogram-v3-turbo", n,
                        stub.serve("shoot.png", png(1344, 768), "image/png"))), 1280, 720));
        GenerationRequest core = studioRequest(photoshoot("white"), AssetType.IMAGE, 1080, 1350, "stable-image-core",
                null, null);
        rows.add(studio(stability(new GenerationRequest(core.jobId(), core.assetId(), core.assetType(),
                        core.placement(), core.prompt(), core.hook(), core.conceptSummary(), core.productContext(),
                        core.brandPalette(), core.forbiddenPhrases(), "stability", "stable-image-core", core.tier(),
                        null, null, null, null, null, core.studio()),
                stub -> stub.then(StabilityStub.Reply.image(png(896, 1152), "SUCCESS"))), 1080, 1350));
        rows.add(studio(waveSpeed(studioRequest(animation("rotation", 5), AssetType.VIDEO, 1280, 720,
                        "wan-2.5-i2v-720p", png(1000, 1000), null), NO_WAIT,
                stub -> stub.prediction("s-i2v", "alibaba/wan-2.5/image-to-video", n,
                        stub.serve("turn.mp4", mp4(5, 1280, 720), "video/mp4"))), 1280, 720));
        rows.add(studio(waveSpeed(studioRequest(productVideo("launch", 10, scenes()), AssetType.VIDEO, 1080, 1920,
                        "wan-2.5-t2v-1080p", null, null), NO_WAIT,
                stub -> stub.prediction("s-t2v", "alibaba/wan-2.5/text-to-video", n,
                        stub.serve("launch.mp4", mp4(10, 1080, 1920), "video/mp4"))), 1080, 1920));
        rows.add(studio(waveSpeed(studioRequest(explainer(null, null), AssetType.AVATAR, 854, 480,
                        "infinitetalk-480p", png(1280, 720), SCRIPT), NO_WAIT,
                stub -> avatar(stub, n, "wavespeed-ai/infinitetalk", mp4(SCRIPT_SECONDS, 854, 480))), 854, 480));
        rows.add(studio(waveSpeed(studioRequest(explainer(wav(SCRIPT_SECONDS), "audio/wav"), AssetType.AVATAR, 720,
                        1280, "infinitetalk-720p", png(720, 1280), null), NO_WAIT,
                stub -> stub.prediction("s-talk", "wavespeed-ai/infinitetalk", n,
                        stub.serve("talk.mp4", mp4(SCRIPT_SECONDS, 720, 1280), "video/mp4"))), 720, 1280));
        rows.add(studio(waveSpeed(studioRequest(explainer(mp3(SCRIPT_SECONDS), "audio/mpeg"), AssetType.AVATAR,
                        1280, 720, "hunyuan-avatar", png(1280, 720), null), NO_WAIT,
                stub -> stub.prediction("s-hunyuan", "wavespeed-ai/hunyuan-avatar", n,
                        stub.serve("hunyuan.mp4", mp4(SCRIPT_SECONDS, 854, 480), "video/mp4"))), 1280, 720));
        return rows;
    }

    /** A studio row: the asset type column holds the canvas asked for. */
    private static Row studio(Row row, int width, int height) {
        return new Row(row.provider(), row.model(), width + "×" + height, row.placement(), row.submits(), row.polls(),
                row.downloads(), row.uploads(), row.pollMessages(), row.bytes(), row.size());
    }

    /** The qwen-image asset again, once with a 429 and {@code Retry-After} on the submit, once with a 500 poll. */
    public static List<Retry> retries(int processingPolls) {
        int n = processingPolls;
        Row baseline = qwenImage(n, stub -> { }, NO_WAIT);
        List<Retry> retries = new ArrayList<>();

        List<Duration> rateLimitWaits = new ArrayList<>();
        Row rateLimited = qwenImage(n, stub -> stub.then(WaveSpeedStub.Reply.withHeader(429, "Retry-After", "2",
                WaveSpeedStub.refused(429, "rate limit exceeded"))), rateLimitWaits::add);
        retries.add(new Retry("429 + Retry-After: 2 on the submit", rateLimited,
                rateLimited.total() - baseline.total(), List.copyOf(rateLimitWaits)));

        List<Duration> serverErrorWaits = new ArrayList<>();
        Row serverError = waveSpeed(image("instagram/feed_portrait", "qwen-image", null), serverErrorWaits::add, stub -> {
            String output = stub.serve("qwen.png", png(1024, 1280), "image/png");
            stub.then(WaveSpeedStub.Reply.ok(stub.created("p-qwen", QWEN_PATH)))
                    .then(WaveSpeedStub.Reply.json(500, WaveSpeedStub.refused(500, "internal server error")));
            for (int i = 0; i < n; i++) {
                stub.then(WaveSpeedStub.Reply.ok(stub.processing("p-qwen", QWEN_PATH)));
            }
            stub.then(WaveSpeedStub.Reply.ok(stub.completed("p-qwen", QWEN_PATH, output)));
        });
        retries.add(new Retry("500 on the first poll", serverError, serverError.total() - baseline.total(),
                List.copyOf(serverErrorWaits)));
        return retries;
    }

    private static Row qwenImage(int processingPolls, Consumer<WaveSpeedStub> before, Sleeper sleeper) {
        return waveSpeed(image("instagram/feed_portrait", "qwen-image", null), sleeper, stub -> {
            before.accept(stub);
            stub.prediction("p-qwen", QWEN_PATH, processingPolls, stub.serve("qwen.png", png(1024, 1280), "image/png"));
        });
    }

    /** The key frame's upload, then the voice's prediction, whose completing poll submits the avatar's. */
    private static void avatar(WaveSpeedStub stub, int processingPolls, String modelPath, byte[] video) {
        stub.then(WaveSpeedStub.Reply.ok(stub.uploadCreated("key-frame.png")));
        stub.prediction("p-voice", "minimax/speech-02-hd", processingPolls,
                stub.serve("voice.wav", wav(SCRIPT_SECONDS), "audio/wav"));
        stub.prediction("p-avatar", modelPath, processingPolls, stub.serve("avatar.mp4", video, "video/mp4"));
    }

    private static Row waveSpeed(GenerationRequest request, Sleeper sleeper, Consumer<WaveSpeedStub> script) {
        try (WaveSpeedStub stub = new WaveSpeedStub()) {
            script.accept(stub);
            WaveSpeedProvider provider = new WaveSpeedProvider(WaveSpeedConfig.of(stub.baseUrl(), () -> KEY),
                    PriceTable.load(), sleeper, CLOCK, new Random(7));
            Outcome outcome = work(provider, () -> provider.submit(request), () -> stub.calls().size());
            int[] counts = count(stub.calls().stream().map(call -> waveSpeedKind(call.method(), call.path())).toList());
            Row row = row(request, outcome, counts);
            agree(row, "WaveSpeedProvider.httpCalls()", provider.httpCalls(), row.total());
            agree(row, "details.http_calls", httpCallsDetail(outcome.media()), row.total());
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row stability(GenerationRequest request, Consumer<StabilityStub> script) {
        try (StabilityStub stub = new StabilityStub()) {
            script.accept(stub);
            StabilityProvider provider = new StabilityProvider(StabilityConfig.of(stub.baseUrl(), () -> KEY),
                    PriceTable.load(), NO_WAIT, CLOCK, new Random(7));
            Outcome outcome = work(provider, () -> provider.submit(request), () -> stub.calls().size());
            int[] counts = count(stub.calls().stream().map(call -> stabilityKind(call.method(), call.path())).toList());
            Row row = row(request, outcome, counts);
            agree(row, "StabilityProvider.httpCalls()", provider.httpCalls(), row.total());
            // Stability's details.http_calls counts the request that finished the asset, not the earlier polls.
            agree(row, "details.http_calls (finishing request)", httpCallsDetail(outcome.media()),
                    outcome.lastStepCalls());
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row openAiText(String placementKey) {
        GenerationRequest request = request(AssetType.TEXT, placementKey, "openai", "gpt-4o-mini", null, null);
        try (ChatCompletionsStub stub = new ChatCompletionsStub()) {
            stub.then(ChatCompletionsStub.Reply.json(200, chatCompletion(Map.of(
                    "text", "Meetings end, the work starts. Acme Notes writes the summary and files every next step "
                            + "where your team already works. #AcmeNotes",
                    "ad_intro_text", "Acme Notes turns every meeting into clear next steps.",
                    "headline", "Write less, remember more"))));
            OpenAiCompatibleTextProvider provider = new OpenAiCompatibleTextProvider(
                    OpenAiCompatibleConfig.of("openai", stub.baseUrl(), "gpt-4o-mini", () -> KEY), PriceTable.load(),
                    NO_WAIT, CLOCK, new Random(7));
            Outcome outcome = work(provider, () -> provider.submit(request), () -> stub.calls().size());
            int[] counts = count(stub.calls().stream()
                    .map(call -> "POST".equals(call.method()) ? Kind.SUBMIT : unknown(call.method(), call.path()))
                    .toList());
            Row row = row(request, outcome, counts);
            agree(row, "OpenAiCompatibleTextProvider.httpCalls()", provider.httpCalls(), row.total());
            agree(row, "details.http_calls", httpCallsDetail(outcome.media()), row.total());
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The worker's loop: submit; while the job is pending, one delayed SQS message whose delivery polls it (the
     * delay is the queue's, so nothing waits here).
     */
    private static Outcome work(MediaProvider provider, Supplier<ProviderJob> submit, IntSupplier stubCalls) {
        int before = stubCalls.getAsInt();
        ProviderJob job = submit.get();
        int messages = 0;
        while (job instanceof ProviderJob.Pending pending) {
            if (++messages > MAX_POLL_MESSAGES) {
                throw new IllegalStateException(provider.name() + " is still pending after " + MAX_POLL_MESSAGES
                        + " polls");
            }
            before = stubCalls.getAsInt();
            job = provider.poll(pending.handle());
        }
        if (!(job instanceof ProviderJob.Completed completed)) {
            throw new IllegalStateException(provider.name() + " did not complete the asset: " + job);
        }
        return new Outcome(completed.media(), messages, stubCalls.getAsInt() - before);
    }

    private static Kind waveSpeedKind(String method, String path) {
        if ("PUT".equals(method) && path.startsWith("/uploads/")
                || "POST".equals(method) && path.equals("/api/v3/media/uploads")) {
            return Kind.UPLOAD;
        }
        if ("POST".equals(method) && path.startsWith("/api/v3/")) {
            return Kind.SUBMIT;
        }
        if ("GET".equals(method) && path.startsWith("/api/v3/predictions/")) {
            return Kind.POLL;
        }
        if ("GET".equals(method) && path.startsWith("/files/")) {
            return Kind.DOWNLOAD;
        }
        return unknown(method, path);
    }

    private static Kind stabilityKind(String method, String path) {
        if ("POST".equals(method) && path.startsWith("/v2beta/stable-image/")) {
            return Kind.SUBMIT;
        }
        if ("GET".equals(method) && path.startsWith("/v2beta/results/")) {
            return Kind.POLL;
        }
        return unknown(method, path);
    }

    private static Kind unknown(String method, String path) {
        throw new IllegalStateException("the bench cannot tell what " + method + " " + path + " is for");
    }

    private static int[] count(List<Kind> kinds) {
        int[] counts = new int[Kind.values().length];
        kinds.forEach(kind -> counts[kind.ordinal()]++);
        return counts;
    }

    private static Row row(GenerationRequest request, Outcome outcome, int[] counts) {
        GeneratedMedia media = outcome.media();
        return new Row(media.provider(), media.model(), request.assetType().code(),
                request.placement() == null ? "none" : request.placement().key(), counts[Kind.SUBMIT.ordinal()],
                counts[Kind.POLL.ordinal()], counts[Kind.DOWNLOAD.ordinal()], counts[Kind.UPLOAD.ordinal()],
                outcome.pollMessages(), media.bytes().length, size(media));
    }

    private static void agree(Row row, String counter, long theirs, long ours) {
        if (theirs != ours) {
            throw new IllegalStateException(row.provider() + " " + row.model() + ": the bench counted " + ours
                    + " HTTP calls, " + counter + " says " + theirs);
        }
    }

    private static long httpCallsDetail(GeneratedMedia media) {
        Object value = media.details().get("http_calls");
        if (!(value instanceof Number number)) {
            throw new IllegalStateException(media.provider() + " " + media.model() + " reports no details.http_calls");
        }
        return number.longValue();
    }

    private static String size(GeneratedMedia media) {
        if (media.width() != null) {
            return media.width() + "×" + media.height() + (media.durationSeconds() == null ? ""
                    : String.format(Locale.ROOT, ", %.1f s", media.durationSeconds()));
        }
        if (media.durationSeconds() != null) {
            return String.format(Locale.ROOT, "%.1f s", media.durationSeconds());
        }
        return media.textContent() == null ? "—" : media.textContent().length() + " chars of JSON";
    }

    private static GenerationRequest image(String placementKey, String model, byte[] keyFrame) {
        return request(AssetType.IMAGE, placementKey, "wavespeed", model, keyFrame, null);
    }

    private static GenerationRequest request(AssetType type, String placementKey, String provider, String model,
                                             byte[] keyFrame, String script) {
        return new GenerationRequest("bench-job", "bench-asset", type,
                placementKey == null ? null : ChannelCatalog.load().requirePlacement(placementKey),
                "A bright desk with an open notebook, morning light", "Write less, remember more",
                "Acme Notes turns every meeting into clear next steps.", Map.of("product_name", "Acme Notes"),
                List.of("#1F6FEB", "#F78166"), List.of(), provider, model, QualityTier.STANDARD, keyFrame, script);
    }

    private static String chatCompletion(Map<String, String> copy) {
        try {
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("id", "chatcmpl-bench").put("object", "chat.completion").put("created", 1_764_000_000L)
                    .put("model", "gpt-4o-mini");
            ObjectNode choice = body.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant")
                    .put("content", Json.mapper().writeValueAsString(copy));
            body.putObject("usage").put("prompt_tokens", 850).put("completion_tokens", 90).put("total_tokens", 940);
            return Json.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
