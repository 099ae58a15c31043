package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.error.ValidationException;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.pricing.QuoteCampaign;
import jakarta.inject.Singleton;

/** Pre-flight request bodies: a campaign request with a {@code tier}, or only the tier of a stored campaign. */
@Singleton
public final class PreflightCommands {
    private final CampaignCommands campaignCommands;
    private final CampaignService campaigns;

    public PreflightCommands(CampaignCommands campaignCommands, CampaignService campaigns) {
        this.campaignCommands = campaignCommands;
        this.campaigns = campaigns;
    }

    /** A campaign request to quote: the create-blueprint body plus {@code tier}, which is checked first. */
    public QuoteCampaign quote(ApiRequest request) {
        JsonNode body = request.jsonObjectBody();
        QualityTier tier = tier(body);
        return new QuoteCampaign(campaignCommands.create(body, () -> campaigns.personaPlatforms(request.userId())),
                tier);
    }

    /** The {@code tier} of the optional body of a stored campaign's pre-flight; the default when absent. */
    public QualityTier tier(ApiRequest request) {
        return tier(request.optionalJsonObjectBody());
    }

    static QualityTier tier(JsonNode body) {
        JsonNode tier = body == null ? null : body.get("tier");
        if (tier == null || tier.isNull()) {
            return QualityTier.DEFAULT;
        }
        if (!tier.isTextual()) {
            throw ValidationException.of("tier", "must be one of draft, standard, premium");
        }
        return QualityTier.parse(tier.asText())
                .orElseThrow(() -> ValidationException.of("tier", "must be one of draft, standard, premium"));
    }
}
