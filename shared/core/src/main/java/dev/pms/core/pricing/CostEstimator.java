package dev.pms.core.pricing;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.VideoLimits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices one asset node from the price table. The tier picks the model; the placement fixes the
 * units (video seconds within the placement's limits). Estimates for open-ended work are constants
 * here so that the quote is reproducible: a copy node reads {@value #TEXT_INPUT_TOKENS} and writes
 * {@value #TEXT_OUTPUT_TOKENS} tokens, a voice-over is {@value #VOICE_CHARACTERS} characters (≈30 s).
 */
public final class CostEstimator {
    static final int TEXT_INPUT_TOKENS = 2_000;
    static final int TEXT_OUTPUT_TOKENS = 600;
    static final int VOICE_CHARACTERS = 450;
    static final int DEFAULT_VIDEO_SECONDS = 5;
    static final int LONG_VIDEO_SECONDS = 10;
    static final int AVATAR_SECONDS = 15;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

    private final PriceTable prices;
    private final ChannelCatalog catalog;

    public CostEstimator(PriceTable prices, ChannelCatalog catalog) {
        this.prices = prices;
        this.catalog = catalog;
    }

    public PriceTable prices() {
        return prices;
    }

    public static ModelChoice modelFor(AssetType type, QualityTier tier) {
        return switch (type) {
            case TEXT -> switch (tier) {
                case DRAFT -> new ModelChoice("google", "gemini-2.5-flash-lite");
                case STANDARD -> new ModelChoice("google", "gemini-2.5-flash");
                case PREMIUM -> new ModelChoice("openai", "gpt-4o");
            };
            case IMAGE -> tier == QualityTier.PREMIUM
                    ? new ModelChoice("wavespeed", "ideogram-v3-turbo")
                    : new ModelChoice("wavespeed", "qwen-image");
            case VIDEO -> switch (tier) {
                case DRAFT -> new ModelChoice("wavespeed", "wan-2.5-i2v-480p");
                case STANDARD -> new ModelChoice("wavespeed", "wan-2.5-i2v-720p");
                case PREMIUM -> new ModelChoice("wavespeed", "wan-2.5-i2v-1080p");
            };
            case AVATAR -> tier == QualityTier.PREMIUM
                    ? new ModelChoice("wavespeed", "infinitetalk-720p")
                    : new ModelChoice("wavespeed", "infinitetalk-480p");
            case AUDIO -> new ModelChoice("minimax", "speech-02-hd");
        };
    }

    public CostLine estimate(AssetNode node, QualityTier tier) {
        return estimate(node, tier, modelFor(node.assetType(), tier));
    }

    /**
     * The node's cost on the given model (a proposal's own choice); a model priced per request (e.g. Hunyuan avatar,
     * Kling) costs one request.
     */
    public CostLine estimate(AssetNode node, QualityTier tier, ModelChoice choice) {
        List<CostComponent> components = new ArrayList<>();
        if (perRequestOnly(choice)) {
            components.add(component(choice, PriceUnit.REQUEST, BigDecimal.ONE));
            BigDecimal total = components.get(0).cost();
            return new CostLine(node.assetId(), node.assetType(), node.channel(), node.placement(),
                    UsageKind.of(node.assetType()), tier, choice.provider(), choice.model(), components, total);
        }
        switch (node.assetType()) {
            case TEXT -> {
                components.add(component(choice, PriceUnit.MILLION_INPUT_TOKENS,
                        BigDecimal.valueOf(TEXT_INPUT_TOKENS).divide(MILLION)));
                components.add(component(choice, PriceUnit.MILLION_OUTPUT_TOKENS,
                        BigDecimal.valueOf(TEXT_OUTPUT_TOKENS).divide(MILLION)));
            }
            case IMAGE -> components.add(component(choice, PriceUnit.IMAGE, BigDecimal.ONE));
            case VIDEO -> components.add(component(choice, PriceUnit.VIDEO_SECOND,
                    BigDecimal.valueOf(videoSeconds(node))));
            case AVATAR -> components.add(component(choice, PriceUnit.VIDEO_SECOND, BigDecimal.valueOf(AVATAR_SECONDS)));
            case AUDIO -> components.add(component(choice, PriceUnit.THOUSAND_CHARACTERS,
                    BigDecimal.valueOf(VOICE_CHARACTERS).divide(THOUSAND)));
        }
        BigDecimal total = components.stream().map(CostComponent::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CostLine(node.assetId(), node.assetType(), node.channel(), node.placement(),
                UsageKind.of(node.assetType()), tier, choice.provider(), choice.model(), components, total);
    }

    /**
     * What a proposal costs on the model it names (the model its selection chose); a model the price table does not
     * know (a proposal older than the table) falls back to the tier's default.
     */
    public CostLine estimateOnModel(AssetNode node, QualityTier tier, String provider, String model) {
        QualityTier at = tier == null ? QualityTier.DEFAULT : tier;
        if (provider == null || model == null || prices.entries().stream()
                .noneMatch(e -> e.provider().equals(provider) && e.model().equals(model))) {
            return estimate(node, at);
        }
        return estimate(node, at, new ModelChoice(provider, model));
    }

    /**
     * What one product-studio asset costs on {@code choice}: an image, {@code seconds} of video or avatar, and for an
     * avatar whose script is spoken by the provider the {@code speechCharacters} of the voice. Studio assets belong to
     * no campaign node, so the line has no asset id, channel or placement.
     */
    public CostLine estimateStudio(AssetType type, QualityTier tier, ModelChoice choice, int seconds,
                                   int speechCharacters) {
        List<CostComponent> components = new ArrayList<>();
        if (perRequestOnly(choice)) {
            components.add(component(choice, PriceUnit.REQUEST, BigDecimal.ONE));
        } else {
            switch (type) {
                case IMAGE -> components.add(component(choice, PriceUnit.IMAGE, BigDecimal.ONE));
                case VIDEO, AVATAR -> components.add(component(choice, PriceUnit.VIDEO_SECOND, BigDecimal.valueOf(seconds)));
                default -> throw new IllegalArgumentException("the studio makes no " + type.code() + " assets");
            }
        }
        if (type == AssetType.AVATAR && speechCharacters > 0) {
            ModelChoice voice = modelFor(AssetType.AUDIO, tier);
            components.add(component(voice, PriceUnit.THOUSAND_CHARACTERS,
                    BigDecimal.valueOf(speechCharacters).divide(THOUSAND)));
        }
        BigDecimal total = components.stream().map(CostComponent::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CostLine(null, type, null, null, UsageKind.of(type), tier, choice.provider(), choice.model(),
                components, total);
    }

    /** 5 s clips by default, 10 s where the placement requires longer (e.g. ad minimums), within its limits. */
    int videoSeconds(AssetNode node) {
        VideoLimits limits = catalog.placement(node.placement()).map(Placement::video).orElse(null);
        int seconds = DEFAULT_VIDEO_SECONDS;
        if (limits != null && limits.minSeconds() != null && limits.minSeconds() > DEFAULT_VIDEO_SECONDS) {
            seconds = LONG_VIDEO_SECONDS;
        }
        if (limits != null && limits.maxSeconds() != null && seconds > limits.maxSeconds()) {
            seconds = limits.maxSeconds();
        }
        return seconds;
    }

    private boolean perRequestOnly(ModelChoice choice) {
        List<PriceEntry> entries = prices.entries().stream()
                .filter(e -> e.provider().equals(choice.provider()) && e.model().equals(choice.model())).toList();
        return !entries.isEmpty() && entries.stream().allMatch(e -> e.unit() == PriceUnit.REQUEST);
    }

    private CostComponent component(ModelChoice choice, PriceUnit unit, BigDecimal quantity) {
        PriceEntry entry = prices.entry(choice.provider(), choice.model(), unit);
        BigDecimal billed = entry.minimumUnits() == null ? quantity
                : quantity.max(BigDecimal.valueOf(entry.minimumUnits()));
        BigDecimal cost = billed.multiply(entry.usd()).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return new CostComponent(unit, billed, entry.usd(), cost);
    }
}
