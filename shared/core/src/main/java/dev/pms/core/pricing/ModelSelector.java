package dev.pms.core.pricing;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.error.ValidationException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the provider and model of a proposal and says why: a choice made on the proposal wins, then one made for
 * the campaign (by asset type), then the campaign's provider's lineup at the tier ({@link ProviderLineup}), then the
 * tier and plan — draft and standard images on Qwen Image, premium on
 * Ideogram V3 Turbo; a free plan always on the cheapest model; video on WAN 2.5 at the tier's resolution only when
 * the campaign is video-heavy and the plan's budget allows it, else the 480p clip.
 */
public final class ModelSelector {
    /** Channels whose audience expects video first. */
    private static final Set<Channel> VIDEO_FIRST = EnumSet.of(Channel.TIKTOK, Channel.YOUTUBE);
    /** Plans whose monthly cap leaves room for 720p/1080p clips. */
    private static final Set<PlanTier> VIDEO_BUDGET = EnumSet.of(PlanTier.PRO, PlanTier.ENTERPRISE);

    private final PriceTable prices;

    public ModelSelector(PriceTable prices) {
        this.prices = prices;
    }

    /** A provider and model with the reason they were picked. */
    public record Selection(String provider, String model, String reason) {
        public ModelChoice choice() {
            return new ModelChoice(provider, model);
        }
    }

    /**
     * What the choice depends on besides type and tier.
     *
     * @param campaignOverrides provider/model chosen for the campaign, by asset type code (e.g. {@code image})
     * @param proposalOverride  provider/model chosen on the proposal itself, or null
     */
    public record Context(PlanTier plan, boolean videoHeavy, Map<String, ModelChoice> campaignOverrides,
                          ModelChoice proposalOverride, String campaignProvider) {
        public Context {
            campaignOverrides = campaignOverrides == null ? Map.of() : Map.copyOf(campaignOverrides);
        }

        /** A campaign that chose no provider (its models come from tier and plan). */
        public Context(PlanTier plan, boolean videoHeavy, Map<String, ModelChoice> campaignOverrides,
                       ModelChoice proposalOverride) {
            this(plan, videoHeavy, campaignOverrides, proposalOverride, null);
        }

        public static Context defaults() {
            return new Context(PlanTier.PRO, false, Map.of(), null);
        }
    }

    /** Video-heavy: at least a third of the campaign's channels are video-first (TikTok, YouTube). */
    public static boolean videoHeavy(Collection<Channel> channels) {
        long videoFirst = channels.stream().filter(VIDEO_FIRST::contains).count();
        return videoFirst > 0 && videoFirst * 3 >= channels.size();
    }

    public Selection select(AssetType type, QualityTier tier, Context context) {
        if (context.proposalOverride() != null) {
            ModelChoice chosen = requirePriced(context.proposalOverride(), "settings.model");
            return new Selection(chosen.provider(), chosen.model(), "chosen on the proposal");
        }
        ModelChoice forCampaign = context.campaignOverrides().get(type.code());
        if (forCampaign != null && isPriced(forCampaign)) {
            return new Selection(forCampaign.provider(), forCampaign.model(),
                    "the campaign's choice for " + type.code() + " assets");
        }
        boolean free = context.plan() == PlanTier.FREE;
        QualityTier lineupTier = free ? QualityTier.DRAFT : tier;
        Optional<ModelChoice> fromLineup = ProviderLineup.modelFor(context.campaignProvider(), type, lineupTier)
                .filter(this::isPriced);
        if (fromLineup.isPresent()) {
            return new Selection(fromLineup.get().provider(), fromLineup.get().model(), "the campaign's provider "
                    + context.campaignProvider() + (free ? " on a free plan" : " at the " + tier.code() + " tier"));
        }
        return switch (type) {
            case TEXT -> free ? new Selection("google", "gemini-2.5-flash-lite", "free plan: the lightest text model")
                    : fromTier(type, tier, "tier " + tier.code());
            case IMAGE -> free || tier != QualityTier.PREMIUM
                    ? new Selection("wavespeed", "qwen-image", (free ? "free plan" : "tier " + tier.code())
                    + ": fast Qwen Image drafts")
                    : new Selection("wavespeed", "ideogram-v3-turbo", "premium tier: Ideogram V3 Turbo renders the headline type");
            case VIDEO -> {
                if (context.videoHeavy() && VIDEO_BUDGET.contains(context.plan())) {
                    ModelChoice wan = CostEstimator.modelFor(AssetType.VIDEO, tier);
                    yield new Selection(wan.provider(), wan.model(), "video-heavy campaign and a "
                            + context.plan().code() + " plan: WAN 2.5 at the " + tier.code() + " tier's resolution");
                }
                yield new Selection("wavespeed", "wan-2.5-i2v-480p", (context.videoHeavy()
                        ? "the " + context.plan().code() + " plan's budget" : "a campaign that is not video-heavy")
                        + ": the 480p WAN 2.5 clip");
            }
            case AVATAR -> tier == QualityTier.PREMIUM && VIDEO_BUDGET.contains(context.plan())
                    ? new Selection("wavespeed", "infinitetalk-720p", "premium tier on a " + context.plan().code()
                    + " plan: InfiniteTalk 720p")
                    : new Selection("wavespeed", "infinitetalk-480p", "InfiniteTalk 480p");
            case AUDIO -> new Selection("minimax", "speech-02-hd", "MiniMax speech-02-hd voice");
        };
    }

    /** Reads {@code "provider/model"}; empty for null or blank. */
    public static Optional<ModelChoice> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        int slash = value.indexOf('/');
        if (slash < 1 || slash == value.length() - 1) {
            throw ValidationException.of("model", "must be provider/model, e.g. wavespeed/ideogram-v3-turbo");
        }
        return Optional.of(new ModelChoice(value.substring(0, slash).trim(), value.substring(slash + 1).trim()));
    }

    private Selection fromTier(AssetType type, QualityTier tier, String reason) {
        ModelChoice choice = CostEstimator.modelFor(type, tier);
        return new Selection(choice.provider(), choice.model(), reason);
    }

    private ModelChoice requirePriced(ModelChoice choice, String field) {
        if (!isPriced(choice)) {
            throw ValidationException.of(field, choice.provider() + "/" + choice.model()
                    + " is not in the price table (version " + prices.version() + ")");
        }
        return choice;
    }

    /**
     * Whether a provider/model a client asked for may be used for an asset of {@code type}: the price table has it
     * with a unit that bills that kind of asset, and the plan allows it (a free plan only its automatic choice).
     */
    public boolean allows(AssetType type, PlanTier plan, ModelChoice choice, ModelChoice automatic) {
        Set<PriceUnit> units = switch (type) {
            case TEXT -> EnumSet.of(PriceUnit.MILLION_INPUT_TOKENS, PriceUnit.MILLION_OUTPUT_TOKENS);
            case IMAGE -> EnumSet.of(PriceUnit.IMAGE);
            case VIDEO, AVATAR -> EnumSet.of(PriceUnit.VIDEO_SECOND);
            case AUDIO -> EnumSet.of(PriceUnit.THOUSAND_CHARACTERS, PriceUnit.REQUEST);
        };
        boolean billsThisType = prices.entries().stream().anyMatch(entry -> entry.provider().equals(choice.provider())
                && entry.model().equals(choice.model()) && units.contains(entry.unit()));
        return billsThisType && (plan != PlanTier.FREE || choice.equals(automatic));
    }

    public boolean isPriced(ModelChoice choice) {
        return prices.entries().stream().anyMatch(entry -> entry.provider().equals(choice.provider())
                && entry.model().equals(choice.model()));
    }
}
