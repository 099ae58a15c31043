package dev.pms.aws.config;

import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.PublishedAssets;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.inventory.BoardPublishedAssets;
import dev.pms.core.inventory.InventoryJobs;
import dev.pms.core.inventory.InventoryRepository;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.BrandService;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.media.UploadService;
import dev.pms.core.pack.ChannelPackService;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PlanCatalog;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.proposal.ProposalService;
import dev.pms.core.usage.PlanRepository;
import dev.pms.core.usage.UsageLedger;
import dev.pms.core.usage.UsageService;
import dev.pms.core.personalization.LearningSettings;
import dev.pms.core.personalization.PersonalizationService;
import dev.pms.core.personalization.PreferenceSignals;
import dev.pms.core.personalization.RecordedSignals;
import dev.pms.core.personalization.SignalLog;
import dev.pms.core.studio.StudioTemplates;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Wires the core application services to the AWS adapters. Beans are created on first use, so each
 * function's context builds only the services its controller needs.
 */
@Factory
public class CoreServicesFactory {

    @Singleton
    ChannelCatalog channelCatalog() {
        return ChannelCatalog.load();
    }

    @Singleton
    ImageAuditService imageAuditService(ChannelCatalog catalog) {
        return new ImageAuditService(catalog, PriceTable.load());
    }

    @Singleton
    UploadService uploadService(MediaStore media, UploadRepository uploads, CampaignRepository campaigns,
                                ImageAuditService audits, Clock clock) {
        return new UploadService(media, uploads, campaigns, audits, clock, () -> UUID.randomUUID().toString());
    }

    @Singleton
    ChannelPackService channelPackService(ChannelCatalog catalog) {
        return new ChannelPackService(catalog);
    }

    @Singleton
    CostEstimator costEstimator(ChannelCatalog catalog) {
        return new CostEstimator(PriceTable.load(), catalog);
    }

    @Singleton
    CampaignService campaignService(CampaignRepository campaigns, BrandProfileRepository profiles,
                                    ChannelCatalog catalog, Clock clock, PreferenceSignals signals) {
        return new CampaignService(campaigns, profiles, catalog, clock, () -> UUID.randomUUID().toString(), signals);
    }

    /**
     * How preferences are learned, from {@code PERSONALIZATION_HALF_LIFE_DAYS}, {@code PERSONALIZATION_MIN_EVENTS},
     * {@code PERSONALIZATION_WINDOW} and {@code PERSONALIZATION_RETENTION_DAYS} (template parameters).
     */
    @Singleton
    LearningSettings learningSettings(
            @Value("${personalization.half.life.days:30}") long halfLifeDays,
            @Value("${personalization.min.events:3}") int minEvents,
            @Value("${personalization.window:300}") int window,
            @Value("${personalization.retention.days:365}") long retentionDays) {
        return LearningSettings.of(halfLifeDays, minEvents, window, retentionDays);
    }

    /**
     * Every service records signals through this one: written in the background beside the request's own writes, and
     * waited for at most {@code PERSONALIZATION_SIGNAL_WAIT_MS} once the response is ready; a store failure is
     * logged, never the request's failure.
     */
    @Singleton
    PreferenceSignals preferenceSignals(SignalLog log, LearningSettings settings, Clock clock,
                                        @Value("${personalization.signal.wait.ms:3}") long waitMillis) {
        return RecordedSignals.inBackground(log, settings, clock, Duration.ofMillis(waitMillis));
    }

    @Singleton
    PersonalizationService personalizationService(SignalLog log, BrandProfileRepository profiles, ChannelCatalog catalog,
                                                  LearningSettings settings, Clock clock) {
        return new PersonalizationService(log, profiles, catalog, StudioTemplates.load(), settings, clock);
    }

    @Singleton
    BrandService brandService(BrandProfileRepository profiles, ChannelCatalog catalog, Clock clock) {
        return new BrandService(profiles, catalog, clock);
    }

    @Singleton
    PreflightService preflightService(CampaignService campaigns, CostEstimator estimator, PlanRepository plans,
                                      UsageLedger ledger, Clock clock) {
        return new PreflightService(campaigns, estimator, PlanCatalog.load(), plans, ledger, clock);
    }

    @Singleton
    ProposalService proposalService(ProposalRepository proposals, CampaignRepository campaigns,
                                    BrandProfileRepository profiles, ChannelCatalog catalog, CostEstimator estimator,
                                    PreflightService preflight, Clock clock, PreferenceSignals signals,
                                    PersonalizationService personalization) {
        return new ProposalService(proposals, campaigns, profiles, catalog, estimator, preflight, clock, signals,
                personalization);
    }

    /** Inventory fixes and channel variants as provider jobs (the provider worker runs them; the inventory queues them). */
    @Singleton
    InventoryJobs inventoryJobs(InventoryRepository inventory, AssetRepository assets, MediaStore media,
                                JobQueue queue, ChannelCatalog catalog, Clock clock) {
        return new InventoryJobs(inventory, assets, media, queue, catalog, clock);
    }

    /** The assets campaign nodes adopted when Journey B variants were published, for packs and schedules. */
    @Singleton
    PublishedAssets publishedAssets(InventoryRepository inventory) {
        return new BoardPublishedAssets(inventory);
    }

    @Singleton
    UsageService usageService(PlanRepository plans, UsageLedger ledger, Clock clock) {
        return new UsageService(PlanCatalog.load(), plans, ledger, clock);
    }
}
