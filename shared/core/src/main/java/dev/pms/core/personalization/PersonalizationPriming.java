package dev.pms.core.personalization;

import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.studio.StudioTemplates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every personalization path on a sample user held in memory (no store is touched), so a SnapStart snapshot
 * starts with these classes loaded: derivation, every form's defaults, recommendations and the intelligent prompt.
 */
public final class PersonalizationPriming {
    private static final String SAMPLE_USER = "snapstart-priming";

    private PersonalizationPriming() {
    }

    /** The response bodies of every route for a sample user, for the caller to serialise. */
    public static List<Object> run() {
        Instant now = Instant.now();
        List<Signal> sample = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sample.add(Signal.blueprintCreated(List.of(Channel.INSTAGRAM, Channel.LINKEDIN), Goal.PRODUCT_LAUNCH, now));
            sample.add(Signal.promptEdited(Channel.INSTAGRAM, AssetType.TEXT,
                    PromptEdit.between("Write a caption. ≤ 5 hashtags (3 recommended).", "Write a caption. ≤ 1 hashtag. "
                            + "Mention free shipping."), now));
            sample.add(Signal.studioSettingsSubmitted(FormType.PRODUCT_PHOTOSHOOT.code(), Map.of("lighting", "soft"), now));
            sample.add(Signal.proposalsApproved(Channel.INSTAGRAM, AssetType.IMAGE, "hero-detail", 1, now));
            sample.add(Signal.metricsImported(Map.of(Channel.INSTAGRAM, 0.02), Map.of(Channel.INSTAGRAM, 3L), now));
        }
        SignalLog memory = new SignalLog() {
            @Override
            public void append(String userId, List<Signal> signals, Instant expiresAt) {
            }

            @Override
            public List<Signal> recent(String userId, int limit) {
                return sample;
            }

            @Override
            public int forget(String userId) {
                return 0;
            }
        };
        BrandProfileRepository noProfile = new BrandProfileRepository() {
            @Override
            public Optional<StoredBrandProfile> find(String userId) {
                return Optional.empty();
            }

            @Override
            public StoredBrandProfile save(String userId, BrandProfile profile, Long expectedVersion) {
                throw new UnsupportedOperationException("priming stores nothing");
            }
        };
        PersonalizationService service = new PersonalizationService(memory, noProfile, ChannelCatalog.load(),
                StudioTemplates.load(), LearningSettings.DEFAULTS, Clock.systemUTC());
        IntelligentPromptService prompts = new IntelligentPromptService(service, PromptInterpreter.NONE,
                StudioTemplates.load());
        List<Object> bodies = new ArrayList<>();
        bodies.add(service.preferences(SAMPLE_USER));
        for (FormType form : FormType.values()) {
            bodies.add(service.defaults(SAMPLE_USER, form.code()));
        }
        bodies.add(service.recommendations(SAMPLE_USER));
        bodies.add(service.forUser(SAMPLE_USER));
        for (String type : StudioChoices.ASSET_TYPES) {
            bodies.add(prompts.infer(SAMPLE_USER, new IntelligentPromptRequest("iPhone case for my store", type)));
        }
        return bodies;
    }
}
