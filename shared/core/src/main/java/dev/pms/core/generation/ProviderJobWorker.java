package dev.pms.core.generation;

import dev.pms.core.common.ConcurrentCalls;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.brand.BrandConsistency;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.json.Json;
import dev.pms.core.media.Digests;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.UserKeys;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one provider job message: submits (or polls) the provider, stores the media under the caller's prefix,
 * completes the asset record and charges its reservation in one conditional step, moves the node, and answers the
 * workflow's task token. Every step is safe to repeat, so a redelivered or duplicated message, or a worker that
 * died half way, ends with exactly one asset and one charge. Unexpected exceptions propagate so that the queue
 * delivers the message again.
 */
public final class ProviderJobWorker {
    /** Error names the workflow's Retry and Catch match on. */
    public static final String TRANSIENT_ERROR = "Provider.Transient";
    public static final String REJECTED_ERROR = "Provider.Rejected";
    public static final String CLOSED_ERROR = "Generation.Closed";
    /** Transient failures of a single-asset job (no workflow to retry it) are retried this many times. */
    static final int SINGLE_ASSET_ATTEMPTS = 3;
    private static final Duration SINGLE_ASSET_RETRY_DELAY = Duration.ofSeconds(2);

    /** What a message came to. */
    public enum Result { READY, POLL_SCHEDULED, RETRY_SCHEDULED, WAITING_FOR_INPUT, FAILED, ALREADY_DONE, NO_SUCH_ASSET }

    /** A video waits for its key frame this long between looks; the workflow's task timeout bounds the wait. */
    static final Duration INPUT_WAIT = Duration.ofSeconds(3);
    /** Key frames larger than this are not passed on (WAN 2.5 takes at most 10 MB). */
    static final long MAX_KEY_FRAME_BYTES = 10L * 1024 * 1024;

    private final AssetRepository assets;
    private final CampaignRepository campaigns;
    private final NodeProgress nodes;
    private final MediaStore media;
    private final WorkflowEngine workflow;
    private final JobQueue queue;
    private final ProviderDirectory providers;
    private final GenerationRequests requests;
    private final GenerationRunRepository runs;
    private final Clock clock;
    private final BrandConsistency brandConsistency;
    private final List<DetachedJobs> detachedJobs;

    public ProviderJobWorker(AssetRepository assets, CampaignRepository campaigns, NodeStatusService nodeStatuses,
                             MediaStore media, WorkflowEngine workflow, JobQueue queue, ProviderDirectory providers,
                             GenerationRequests requests, GenerationRunRepository runs, Clock clock) {
        this(assets, campaigns, nodeStatuses, media, workflow, queue, providers, requests, runs, clock, null);
    }

    /** @param brandConsistency scores each text asset against the Brand DNA; null scores nothing */
    public ProviderJobWorker(AssetRepository assets, CampaignRepository campaigns, NodeStatusService nodeStatuses,
                             MediaStore media, WorkflowEngine workflow, JobQueue queue, ProviderDirectory providers,
                             GenerationRequests requests, GenerationRunRepository runs, Clock clock,
                             BrandConsistency brandConsistency) {
        this(assets, campaigns, nodeStatuses, media, workflow, queue, providers, requests, runs, clock,
                brandConsistency, List.of());
    }

    /**
     * @param moreDetachedJobs kinds of jobs that belong to no campaign node besides the product studio's (which is
     *                         always known), e.g. inventory fixes and channel variants
     */
    public ProviderJobWorker(AssetRepository assets, CampaignRepository campaigns, NodeStatusService nodeStatuses,
                             MediaStore media, WorkflowEngine workflow, JobQueue queue, ProviderDirectory providers,
                             GenerationRequests requests, GenerationRunRepository runs, Clock clock,
                             BrandConsistency brandConsistency, List<DetachedJobs> moreDetachedJobs) {
        this.brandConsistency = brandConsistency;
        List<DetachedJobs> kinds = new java.util.ArrayList<>();
        kinds.add(new StudioAssets(media));
        kinds.addAll(moreDetachedJobs);
        this.detachedJobs = List.copyOf(kinds);
        this.assets = assets;
        this.campaigns = campaigns;
        this.nodes = new NodeProgress(nodeStatuses);
        this.media = media;
        this.workflow = workflow;
        this.queue = queue;
        this.providers = providers;
        this.requests = requests;
        this.runs = runs;
        this.clock = clock;
    }

    public Result process(JobMessage message) {
        CompletableFuture<Optional<Campaign>> namedCampaign = message.campaignId() == null ? null
                : ConcurrentCalls.start(() -> campaigns.find(message.userId(), message.campaignId()));
        CompletableFuture<Optional<StoredBrandProfile>> profile = message.campaignId() == null || message.poll() ? null
                : ConcurrentCalls.start(() -> requests.profileOf(message.userId()));
        Optional<AssetRecord> found = assets.find(message.userId(), message.assetLibraryId());
        if (found.isEmpty()) {
            answerFailure(message, CLOSED_ERROR, "the asset record no longer exists");
            return Result.NO_SUCH_ASSET;
        }
        AssetRecord asset = found.get();
        if (asset.status() == AssetStatus.READY) {
            nodes.move(message.userId(), asset.campaignId(), Map.of(asset.assetId(), NodeStatus.READY));
            answerSuccess(message, asset);
            return Result.ALREADY_DONE;
        }
        if (!asset.isOpen()) {
            media.delete(storageKey(message.userId(), asset));
            answerFailure(message, CLOSED_ERROR, "generation was " + asset.status().code() + ": " + asset.error());
            return Result.ALREADY_DONE;
        }
        DetachedJobs detached = detachedOf(asset);
        Optional<MediaProvider> provider = message.poll()
                ? providers.byName(asset.provider())
                : providers.providerFor(asset.provider(), asset.assetType());
        boolean nodeSubmit = detached == null && !message.poll();
        CompletableFuture<GenerationRequests.Lookups> lookups = !nodeSubmit ? null : profile == null
                ? ConcurrentCalls.start(() -> requests.lookupsFor(message.userId(), asset))
                : ConcurrentCalls.start(() -> new GenerationRequests.Lookups(ConcurrentCalls.await(profile),
                        requests.photoFor(message.userId(), asset)));
        Instant started = clock.instant();
        AssetRecord opening = asset.generating(null, asset.attempts() + 1, started);
        CompletableFuture<Boolean> opened = nodeSubmit && provider.isPresent() && !mayWaitForKeyFrame(asset)
                ? ConcurrentCalls.start(() -> assets.updateOpen(message.userId(), opening)) : null;
        Optional<Campaign> campaign = detached != null ? Optional.empty()
                : namedCampaign != null && message.campaignId().equals(asset.campaignId())
                ? ConcurrentCalls.await(namedCampaign) : campaigns.find(message.userId(), asset.campaignId());
        if (detached == null && campaign.isEmpty()) {
            awaitQuietly(opened);
            return fail(message, asset, "the campaign was deleted");
        }
        if (provider.isEmpty()) {
            return fail(message, asset, "no provider for " + asset.assetType().code() + " assets is configured ("
                    + asset.provider() + " was proposed)");
        }
        AssetRecord working = asset;
        ProviderJob job;
        if (message.poll()) {
            job = provider.get().poll(asset.providerHandle());
        } else if (detached != null) {
            if (!detached.inputReady(message.userId(), asset)) {
                queue.send(message, INPUT_WAIT);
                return Result.WAITING_FOR_INPUT;
            }
            working = asset.generating(null, asset.attempts() + 1, started);
            if (!assets.updateOpen(message.userId(), working)) {
                return process(message);
            }
            GenerationRequest request;
            try {
                request = detached.request(message.userId(), working, provider.get().name());
            } catch (IllegalStateException e) {
                return fail(message, working, e.getMessage());
            }
            job = provider.get().submit(request);
        } else {
            KeyFrame keyFrame = opened != null ? KeyFrame.NONE : keyFrameFor(message.userId(), asset, campaign.get());
            if (keyFrame.waiting()) {
                queue.send(message, INPUT_WAIT);
                return Result.WAITING_FOR_INPUT;
            }
            working = opening;
            if (!(opened != null ? ConcurrentCalls.await(opened) : assets.updateOpen(message.userId(), working))) {
                return process(message);
            }
            job = provider.get().submit(requests.requestFor(working, campaign.get(), provider.get().name(),
                    keyFrame.bytes(), ConcurrentCalls.await(lookups)));
        }
        if (job instanceof ProviderJob.Completed completed) {
            return store(message, working, provider.get(), completed.media(), started,
                    lookups == null ? null : ConcurrentCalls.await(lookups).profile());
        }
        if (job instanceof ProviderJob.Pending pending) {
            return schedulePoll(message, working, pending);
        }
        ProviderJob.Failed failed = (ProviderJob.Failed) job;
        return failed.retryable() ? retry(message, working, failed.reason()) : fail(message, working, failed.reason());
    }

    /** @param profile the owner's brand profile when this job has read it already, else null */
    private Result store(JobMessage message, AssetRecord asset, MediaProvider provider, GeneratedMedia made,
                         Instant started, Optional<StoredBrandProfile> profile) {
        byte[] bytes = made.bytes() != null ? made.bytes()
                : made.textContent() == null ? new byte[0] : made.textContent().getBytes(StandardCharsets.UTF_8);
        String mimeType = made.bytes() != null ? made.mimeType() : "text/plain; charset=utf-8";
        String key = storageKey(message.userId(), asset);
        CompletableFuture<OptionalDouble> brandScore = brandConsistency != null
                && asset.assetType() == dev.pms.core.channel.AssetType.TEXT
                ? ConcurrentCalls.start(() -> profile == null ? brandConsistency.score(message.userId(), made.textContent())
                        : brandConsistency.score(profile, made.textContent()))
                : null;
        media.put(key, bytes, mimeType);
        boolean standIn = provider.name().startsWith("offline");
        boolean providerCost = made.reportedCostUsd() != null && !standIn;
        BigDecimal cost = providerCost ? made.reportedCostUsd() : asset.reserved().usd();
        Map<String, Object> details = new LinkedHashMap<>(made.details());
        DetachedJobs detached = detachedOf(asset);
        if (detached != null) {
            details.putAll(detached.keptDetails(asset));
        }
        if (standIn) {
            details.put("metered", "offline stand-in for " + asset.provider() + "/" + asset.model()
                    + ", charged at its price-table price");
        }
        if (brandScore != null) {
            ConcurrentCalls.await(brandScore).ifPresent(score -> details.put(BrandConsistency.DETAILS_KEY, score));
        }
        AssetRecord.Output output = new AssetRecord.Output(cost, providerCost ? "provider" : "price_table",
                Duration.between(started, clock.instant()).toMillis(), key, mimeType, (long) bytes.length,
                Digests.sha256Hex(bytes), made.width(), made.height(), made.durationSeconds(), made.textContent());
        AssetRecord ready = asset.ready(made.provider() == null ? provider.name() : made.provider(),
                made.model() == null ? asset.model() : made.model(), output, details, clock.instant());
        UsageAmounts spent = new UsageAmounts(asset.reserved().counts(), cost);
        AssetRepository.Outcome outcome = assets.complete(message.userId(), ready, asset.billingMonth(), spent);
        switch (outcome) {
            case APPLIED, ALREADY_READY -> {
                CompletableFuture<Void> moved = ConcurrentCalls.start(() -> {
                    progress(message, asset, NodeStatus.READY);
                    return null;
                });
                answerSuccess(message, ready);
                ConcurrentCalls.await(moved);
                if (detached != null && outcome == AssetRepository.Outcome.APPLIED) {
                    detached.finished(message.userId(), ready);
                }
                return outcome == AssetRepository.Outcome.APPLIED ? Result.READY : Result.ALREADY_DONE;
            }
            default -> {
                media.delete(key);
                answerFailure(message, CLOSED_ERROR, "generation was closed before the asset was stored");
                return Result.ALREADY_DONE;
            }
        }
    }

    /**
     * Whether the job may have to wait for its key frame, so that its attempt must not be opened before
     * {@link #keyFrameFor} has looked; every other node job opens its attempt while the campaign is being read.
     */
    private static boolean mayWaitForKeyFrame(AssetRecord asset) {
        return asset.assetType() == dev.pms.core.channel.AssetType.VIDEO && asset.runId() != null;
    }

    /** Lets a write started beside the reads land before the record is closed, whatever it came to. */
    private static void awaitQuietly(CompletableFuture<?> call) {
        if (call != null) {
            call.handle((value, failure) -> null).join();
        }
    }

    private record KeyFrame(byte[] bytes, boolean waiting) {
        static final KeyFrame NONE = new KeyFrame(null, false);
        static final KeyFrame WAIT = new KeyFrame(null, true);
    }

    /**
     * A video animates the image node it depends on: when that image is part of the same run and still being made,
     * the video waits for it (the workflow lists dependencies first, so the image is already under way); when it is
     * ready its bytes are the key frame; otherwise the provider makes the video without one.
     */
    private KeyFrame keyFrameFor(String userId, AssetRecord asset, Campaign campaign) {
        if (asset.assetType() != dev.pms.core.channel.AssetType.VIDEO || asset.runId() == null) {
            return KeyFrame.NONE;
        }
        dev.pms.core.campaign.AssetNode node = campaign.assetNodes().stream()
                .filter(n -> n.assetId().equals(asset.assetId())).findFirst().orElse(null);
        if (node == null) {
            return KeyFrame.NONE;
        }
        Map<String, dev.pms.core.campaign.AssetNode> nodesById = new LinkedHashMap<>();
        campaign.assetNodes().forEach(n -> nodesById.put(n.assetId(), n));
        Optional<GenerationRun> run = runs.find(userId, asset.campaignId())
                .filter(r -> r.runId().equals(asset.runId()));
        for (String dependency : node.dependsOn()) {
            dev.pms.core.campaign.AssetNode depended = nodesById.get(dependency);
            if (depended == null || depended.assetType() != dev.pms.core.channel.AssetType.IMAGE) {
                continue;
            }
            String libraryId = run.map(r -> r.assetLibraryIds().get(dependency)).orElse(null);
            Optional<AssetRecord> image = libraryId == null ? Optional.empty() : assets.find(userId, libraryId);
            if (image.isPresent() && image.get().isOpen()) {
                return KeyFrame.WAIT;
            }
            if (image.isPresent() && image.get().status() == AssetStatus.READY && image.get().storageKey() != null) {
                try {
                    return media.read(image.get().storageKey(), MAX_KEY_FRAME_BYTES).map(bytes -> new KeyFrame(bytes, false))
                            .orElse(KeyFrame.NONE);
                } catch (dev.pms.core.media.MediaTooLargeException e) {
                    return KeyFrame.NONE;
                }
            }
        }
        return KeyFrame.NONE;
    }

    private Result schedulePoll(JobMessage message, AssetRecord asset, ProviderJob.Pending pending) {
        AssetRecord polling = asset.generating(pending.handle(), asset.attempts(), clock.instant());
        if (!assets.updateOpen(message.userId(), polling)) {
            return Result.ALREADY_DONE;
        }
        Duration delay = pending.pollAfter() == null ? Duration.ofSeconds(5) : pending.pollAfter();
        queue.send(message.asPoll(), delay.compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15) : delay);
        return Result.POLL_SCHEDULED;
    }

    private Result retry(JobMessage message, AssetRecord asset, String reason) {
        if (message.taskToken() != null) {
            workflow.fail(message.taskToken(), TRANSIENT_ERROR, reason);
            return Result.RETRY_SCHEDULED;
        }
        if (asset.attempts() < SINGLE_ASSET_ATTEMPTS) {
            queue.send(new JobMessage(message.userId(), message.assetLibraryId(), null, false), SINGLE_ASSET_RETRY_DELAY);
            return Result.RETRY_SCHEDULED;
        }
        return fail(message, asset, reason + " (gave up after " + asset.attempts() + " attempts)");
    }

    private Result fail(JobMessage message, AssetRecord asset, String reason) {
        AssetRecord failed = asset.closed(AssetStatus.FAILED, reason, clock.instant());
        AssetRepository.Outcome outcome = assets.close(message.userId(), failed, asset.billingMonth());
        if (outcome == AssetRepository.Outcome.ALREADY_READY) {
            return process(message);
        }
        if (outcome == AssetRepository.Outcome.APPLIED) {
            media.delete(storageKey(message.userId(), asset));
            progress(message, asset, NodeStatus.FAILED);
            DetachedJobs detached = detachedOf(asset);
            if (detached != null) {
                detached.finished(message.userId(), failed);
            }
        }
        answerFailure(message, REJECTED_ERROR, reason);
        return Result.FAILED;
    }

    /**
     * Campaign runs move the node in one attempt (finalize settles lost races, so eight workers do not queue on the
     * campaign item); a single-asset job has no finalize and retries until the move is stored.
     */
    private void progress(JobMessage message, AssetRecord asset, NodeStatus status) {
        if (detachedOf(asset) != null) {
            return;
        }
        if (asset.runId() != null) {
            nodes.tryMove(message.userId(), asset.campaignId(), Map.of(asset.assetId(), status));
        } else {
            nodes.move(message.userId(), asset.campaignId(), Map.of(asset.assetId(), status));
        }
    }

    /** The kind of node-less job the record is, or null for a campaign node's asset. */
    private DetachedJobs detachedOf(AssetRecord asset) {
        for (DetachedJobs kind : detachedJobs) {
            if (kind.owns(asset)) {
                return kind;
            }
        }
        return null;
    }

    private void answerSuccess(JobMessage message, AssetRecord ready) {
        if (message.taskToken() == null) {
            return;
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("asset_id", ready.assetId());
        output.put("asset_library_id", ready.assetLibraryId());
        output.put("status", ready.status().code());
        output.put("cost_usd", ready.costUsd());
        workflow.succeed(message.taskToken(), Json.write(output));
    }

    private void answerFailure(JobMessage message, String error, String cause) {
        if (message.taskToken() != null) {
            workflow.fail(message.taskToken(), error, cause);
        }
    }

    /**
     * Where a job's media goes: one fixed key per asset record (the content type travels with the object), so a
     * repeated attempt overwrites rather than adds, and a closed record's leftovers can be removed without a listing.
     */
    public static String storageKey(String userId, AssetRecord asset) {
        return "assets/" + UserKeys.userHash(userId) + "/" + asset.campaignId() + "/" + asset.assetLibraryId();
    }
}
