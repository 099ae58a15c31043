package dev.pms.core.pricing;

import dev.pms.core.channel.AssetType;

import java.util.Optional;

/**
 * The models of one provider by asset type and tier, for a campaign that chose the provider rather than single
 * models ({@code product_context.provider}). Amazon Bedrock: Nova Micro, Lite and Pro write copy at the draft,
 * standard and premium tiers, Nova Canvas makes images and Nova Reel videos; it makes no avatars or voices, which
 * keep the automatic choice.
 */
public final class ProviderLineup {
    public static final String BEDROCK = "bedrock";

    private ProviderLineup() {
    }

    /** The provider's model for {@code type} at {@code tier}; empty when the provider has no lineup or no such model. */
    public static Optional<ModelChoice> modelFor(String provider, AssetType type, QualityTier tier) {
        if (!BEDROCK.equals(provider)) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (type) {
            case TEXT -> new ModelChoice(BEDROCK, switch (tier) {
                case DRAFT -> "amazon.nova-micro-v1:0";
                case STANDARD -> "amazon.nova-lite-v1:0";
                case PREMIUM -> "amazon.nova-pro-v1:0";
            });
            case IMAGE -> new ModelChoice(BEDROCK, "amazon.nova-canvas-v1:0");
            case VIDEO -> new ModelChoice(BEDROCK, "amazon.nova-reel-v1:1");
            case AVATAR, AUDIO -> null;
        });
    }

    /** Whether {@code provider} has a lineup to choose from by tier. */
    public static boolean has(String provider) {
        return BEDROCK.equals(provider);
    }
}
