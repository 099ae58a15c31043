package dev.pms.core.pricing;

import dev.pms.core.campaign.CreateCampaign;

import java.util.Objects;

/** A campaign request to quote at a quality tier without storing anything. */
public record QuoteCampaign(CreateCampaign campaign, QualityTier tier) {

    public QuoteCampaign {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(tier, "tier");
    }
}
