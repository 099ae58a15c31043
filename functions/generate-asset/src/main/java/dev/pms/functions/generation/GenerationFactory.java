package dev.pms.functions.generation;

import dev.pms.aws.http.ApiLinks;
import dev.pms.aws.observability.MeteredAssetRepository;
import dev.pms.aws.secrets.ProviderKeys;
import dev.pms.core.asset.AssetLibraryService;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.brand.BrandConsistency;
import dev.pms.core.brand.BrandConsistencyScorer;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.generation.GenerationRequests;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.generation.GenerationRuns;
import dev.pms.core.generation.GenerationWorkflow;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderDirectory;
import dev.pms.core.generation.ProviderJobWorker;
import dev.pms.core.generation.SingleAssetService;
import dev.pms.core.generation.StatusLinks;
import dev.pms.core.generation.WorkflowEngine;
import dev.pms.core.inventory.InventoryJobs;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.media.UploadedProductPhotos;
import dev.pms.core.observability.OperationalMetrics;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.proposal.ProposalService;
import dev.pms.embeddings.MiniLmBrandConsistencyScorer;
import dev.pms.providers.bedrock.BedrockProvider;
import dev.pms.providers.offline.InjectedFaults;
import dev.pms.providers.offline.OfflineProviders;
import dev.pms.providers.openai.OpenAiCompatibleConfig;
import dev.pms.providers.openai.OpenAiCompatibleTextProvider;
import dev.pms.providers.stability.StabilityConfig;
import dev.pms.providers.stability.StabilityProvider;
import dev.pms.providers.wavespeed.WaveSpeedConfig;
import dev.pms.providers.wavespeed.WaveSpeedProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Wires campaign generation. Providers come from configuration: {@code PROVIDERS_MODE=offline} (the default) makes
 * every asset with the offline engine, standing in for whatever provider the proposal named; {@code live} uses the
 * configured real clients (OpenAI-compatible text, WaveSpeed
 * for images, video, avatars and MiniMax voices, Stability, and with {@code BEDROCK_ENABLED=true} Amazon Bedrock,
 * which needs no key) and the offline engine only where none is configured; the keys come from {@link ProviderKeys}. {@code PROVIDERS_OFFLINE_LATENCY_MS}
 * and {@code PROVIDERS_OFFLINE_FAILURE_RATE} inject latency and failures into the offline engine.
 */
@Factory
public class GenerationFactory {

    /**
     * {@code value}, or {@code fallback} when it is blank. URL defaults live here, not in {@code ${name:default}}
     * placeholders: Micronaut reads each further colon of a default as another property to fall back to.
     */
    static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Singleton
    ProviderDirectory providerDirectory(@Value("${providers.mode:offline}") String mode,
                                        @Value("${providers.offline.latency.ms:0}") long latencyMillis,
                                        @Value("${providers.offline.failure.rate:0}") double failureRate,
                                        @Value("${providers.offline.seed:20261125}") long seed,
                                        ProviderKeys keys,
                                        @Value("${openai.base.url:}") String openAiBaseUrl,
                                        @Value("${openai.model:gpt-4o-mini}") String openAiModel,
                                        @Value("${wavespeed.base.url:}") String waveSpeedBaseUrl,
                                        @Value("${stability.base.url:}") String stabilityBaseUrl,
                                        @Value("${bedrock.enabled:false}") boolean bedrockEnabled,
                                        BedrockSettings bedrock, MediaStore media) {
        MediaProvider offline = InjectedFaults.around(new OfflineProviders(), Duration.ofMillis(latencyMillis),
                failureRate, seed);
        Map<String, MediaProvider> live = new LinkedHashMap<>();
        if ("live".equalsIgnoreCase(mode)) {
            if (keys.has("openai")) {
                MediaProvider text = new OpenAiCompatibleTextProvider(OpenAiCompatibleConfig.of("openai",
                        URI.create(orDefault(openAiBaseUrl, OpenAiCompatibleConfig.OPENAI_BASE_URL)), openAiModel, keys.supplier("openai")));
                live.put("openai", text);
                live.put("google", text);
            }
            if (keys.has("wavespeed")) {
                MediaProvider waveSpeed = new WaveSpeedProvider(WaveSpeedConfig.of(
                        URI.create(orDefault(waveSpeedBaseUrl, WaveSpeedConfig.DEFAULT_BASE_URL)),
                        keys.supplier("wavespeed")));
                live.put("wavespeed", waveSpeed);
                live.put("minimax", waveSpeed);
            }
            if (keys.has("stability")) {
                live.put("stability", new StabilityProvider(StabilityConfig.of(
                        URI.create(orDefault(stabilityBaseUrl, StabilityConfig.DEFAULT_BASE_URL)),
                        keys.supplier("stability"))));
            }
            if (bedrockEnabled) {
                live.put(BedrockProvider.NAME, new BedrockProvider(bedrock.config(), media));
            }
        } else if (!"offline".equalsIgnoreCase(mode)) {
            throw new IllegalStateException("PROVIDERS_MODE must be offline or live, not " + mode);
        }
        return new ProviderDirectory(live, offline);
    }

    @Singleton
    NodeStatusService nodeStatusService(CampaignRepository campaigns, Clock clock) {
        return new NodeStatusService(campaigns, clock);
    }

    @Singleton
    GenerationRequests generationRequests(BrandProfileRepository profiles, ChannelCatalog catalog,
                                          UploadRepository uploads, MediaStore media) {
        return new GenerationRequests(profiles, catalog, new UploadedProductPhotos(uploads, media));
    }

    @Singleton
    ProviderJobWorker providerJobWorker(AssetRepository assets, CampaignRepository campaigns,
                                        NodeStatusService nodeStatuses, MediaStore media, WorkflowEngine workflow,
                                        JobQueue queue, ProviderDirectory providers, GenerationRequests requests,
                                        GenerationRunRepository runs, Clock clock,
                                        @Nullable WorkerMediaStoreWrapper mediaWrapper,
                                        BrandProfileRepository profiles, ChannelCatalog catalog,
                                        BrandConsistencyScorer scorer, InventoryJobs inventoryJobs,
                                        OperationalMetrics metrics) {
        MediaStore store = mediaWrapper == null ? media : mediaWrapper.wrap(media);
        return new ProviderJobWorker(new MeteredAssetRepository(assets, metrics), campaigns, nodeStatuses, store,
                workflow, queue, providers, requests, runs, clock, new BrandConsistency(profiles, catalog, scorer),
                List.of(inventoryJobs));
    }

    /** The model loads on the first score (or when the provider worker primes it for SnapStart), not in INIT. */
    @Singleton
    BrandConsistencyScorer brandConsistencyScorer() {
        return new MiniLmBrandConsistencyScorer();
    }

    @Singleton
    StatusLinks statusLinks() {
        return new ApiLinks();
    }

    @Singleton
    GenerationRuns generationRuns(CampaignRepository campaigns, ProposalService proposalService,
                                  PreflightService preflight, GenerationRunRepository runs, AssetRepository assets,
                                  NodeStatusService nodeStatuses, WorkflowEngine workflow, MediaStore media,
                                  StatusLinks links, Clock clock) {
        return new GenerationRuns(campaigns, proposalService, preflight, runs, assets, nodeStatuses, workflow, media,
                links, clock, () -> UUID.randomUUID().toString());
    }

    @Singleton
    GenerationWorkflow generationWorkflow(CampaignRepository campaigns, ProposalService proposalService,
                                          ProposalRepository proposals, PreflightService preflight,
                                          CostEstimator costs, GenerationRunRepository runs, AssetRepository assets,
                                          NodeStatusService nodeStatuses, GenerationRequests requests,
                                          MediaStore media, Clock clock) {
        return new GenerationWorkflow(campaigns, proposalService, proposals, preflight, costs, runs, assets,
                nodeStatuses, requests, media, clock, () -> UUID.randomUUID().toString());
    }

    @Singleton
    AssetLibraryService assetLibraryService(AssetRepository assets, MediaStore media) {
        return new AssetLibraryService(assets, media);
    }

    @Singleton
    SingleAssetService singleAssetService(CampaignRepository campaigns, ProposalService proposals,
                                          CostEstimator costs, PreflightService preflight, AssetRepository assets,
                                          AssetLibraryService library, NodeStatusService nodeStatuses,
                                          ProviderJobWorker worker, JobQueue queue, GenerationRequests requests,
                                          StatusLinks links, Clock clock) {
        return new SingleAssetService(campaigns, proposals, costs, preflight, assets, library, nodeStatuses, worker,
                queue, requests, links, clock, () -> UUID.randomUUID().toString());
    }
}
