package dev.pms.core.support;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignChange;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.pricing.UsageKind;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalStatus;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Records with every field set, for tests that pin how records are written. */
public final class SampleRecords {
    public static final Instant CREATED = Instant.parse("2026-11-25T08:00:00Z");
    public static final Instant UPDATED = Instant.parse("2026-11-25T09:30:00.123Z");

    private SampleRecords() {
    }

    public static AssetRecord readyAsset() {
        AssetRecord.Lineage lineage = new AssetRecord.Lineage("camp-1", "node-1", "run-1", 3, AssetType.IMAGE,
                Channel.INSTAGRAM, "instagram/feed_portrait", "a prompt", "openai", "gpt-image-1");
        AssetRecord.Reservation reservation = new AssetRecord.Reservation(
                new UsageAmounts(Map.of(UsageKind.IMAGE, 1), new BigDecimal("0.04")), "handle-7", 2);
        AssetRecord.Output output = new AssetRecord.Output(new BigDecimal("0.0400"), "provider", 1234L,
                "users/u/assets/lib-1.png", "image/png", 2048L, "abc123", 1080, 1350, 12.5, "some text");
        return new AssetRecord("lib-1", lineage, AssetStatus.READY, reservation, output, "an error",
                Map.of("seed", 42), CREATED, UPDATED);
    }

    public static Proposal approvedProposal() {
        return new Proposal("node-1", "camp-1", 4,
                new Proposal.Slot(AssetType.IMAGE, Channel.INSTAGRAM, "instagram/feed_portrait", "launch"),
                new Proposal.Concept("hook", "angle", "summary", "prompt"),
                new Proposal.Recommendation("template-a", "openai", "gpt-image-1", QualityTier.PREMIUM,
                        new BigDecimal("0.08")),
                ProposalStatus.APPROVED, "looks good", Map.of("style", "bold"), Map.of("prompt", "catalogue"),
                "approve", CREATED);
    }

    public static Campaign activeCampaign() {
        Phase launch = new Phase("launch", 7, "make noise", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-07"));
        AssetNode hero = new AssetNode("node-1", AssetType.IMAGE, Channel.INSTAGRAM, "launch",
                "instagram/feed_portrait", "Hero", NodeStatus.READY, LocalDate.parse("2026-12-02"), List.of("node-0"));
        return new Campaign("camp-1", "user-1",
                new Campaign.Brief("Spring launch", Goal.PRODUCT_LAUNCH, "signups",
                        List.of(Channel.INSTAGRAM, Channel.TIKTOK)),
                new Campaign.Plan(List.of(launch), List.of(hero), Map.of("name", "Widget")),
                CampaignStatus.ACTIVE,
                new Campaign.Schedule(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-05")),
                new Campaign.Revision(CREATED, UPDATED, 5,
                        List.of(new CampaignChange(UPDATED, "user-1", List.of("kpi"), "changed kpi"))));
    }
}
