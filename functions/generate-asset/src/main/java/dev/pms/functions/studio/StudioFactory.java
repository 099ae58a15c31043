package dev.pms.functions.studio;

import dev.pms.core.asset.AssetLibraryService;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.media.MediaStore;
import dev.pms.core.personalization.PreferenceSignals;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.prompt.PromptBuilder;
import dev.pms.core.prompt.PromptCatalog;
import dev.pms.core.studio.StudioService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Wires the product studio. {@code STUDIO_WAIT_SECONDS} (default 20) is how long a studio call waits for its media
 * before answering 202 with a poll URL — safely under API Gateway's 30-second integration limit.
 */
@Factory
public class StudioFactory {

    @Singleton
    StudioService studioService(BrandProfileRepository profiles, ChannelCatalog catalog, CostEstimator costs,
                                PreflightService preflight, AssetRepository assets, AssetLibraryService library,
                                MediaStore media, JobQueue queue, Clock clock, PreferenceSignals signals,
                                @Value("${studio.wait.seconds:20}") double waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > 28) {
            throw new IllegalStateException("STUDIO_WAIT_SECONDS must be between 0 and 28, not " + waitSeconds);
        }
        return new StudioService(profiles, catalog, new PromptBuilder(PromptCatalog.load()), costs, preflight, assets,
                library, media, queue, clock, () -> UUID.randomUUID().toString(),
                Duration.ofMillis(Math.round(waitSeconds * 1000)), duration -> Thread.sleep(duration.toMillis()),
                StudioController.PREFIX, signals);
    }
}
