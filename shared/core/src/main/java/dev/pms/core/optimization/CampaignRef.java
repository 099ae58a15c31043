package dev.pms.core.optimization;

/** A campaign named across tenants, as the active-campaign index lists it. */
public record CampaignRef(String userId, String campaignId) {
}
