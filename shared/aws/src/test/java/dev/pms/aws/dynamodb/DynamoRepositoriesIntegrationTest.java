package dev.pms.aws.dynamodb;

import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.common.Page;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.proposal.Proposal;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.LocalAwsExtension;
import dev.pms.emulators.ProvisionedResources;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DynamoDB repositories against the local DynamoDB emulator, table from template.yaml. */
@ExtendWith(LocalAwsExtension.class)
class DynamoRepositoriesIntegrationTest {
    private static ApplicationContext context;
    private static DynamoCampaignRepository campaigns;
    private static DynamoBrandProfileRepository profiles;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.start(aws, resources);
        campaigns = context.getBean(DynamoCampaignRepository.class);
        profiles = context.getBean(DynamoBrandProfileRepository.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void storesAndReadsBackTheWholeCampaignForItsOwnerOnly() {
        String owner = newUser();
        Campaign campaign = campaign(owner, Instant.parse("2026-11-01T10:00:00Z"), CampaignStatus.DRAFT);

        campaigns.create(campaign);

        assertThat(campaigns.find(owner, campaign.campaignId())).contains(campaign);
        assertThat(campaigns.find(newUser(), campaign.campaignId())).isEmpty();
    }

    @Test
    void updateChecksTheVersion() {
        String owner = newUser();
        Campaign v1 = campaign(owner, Instant.parse("2026-11-01T10:00:00Z"), CampaignStatus.DRAFT);
        campaigns.create(v1);
        Campaign v2 = renamed(v1, "renamed", 2);

        campaigns.update(v2, 1);

        assertThat(campaigns.find(owner, v1.campaignId()).orElseThrow().campaignName()).isEqualTo("renamed");
        assertThatThrownBy(() -> campaigns.update(renamed(v1, "stale", 2), 1))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("version 2");
        Campaign foreign = renamed(v1, "foreign", 3).withOwner(newUser());
        assertThatThrownBy(() -> campaigns.update(foreign, 2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteIsScopedToTheOwner() {
        String owner = newUser();
        Campaign campaign = campaign(owner, Instant.parse("2026-11-01T10:00:00Z"), CampaignStatus.DRAFT);
        campaigns.create(campaign);

        assertThat(campaigns.delete(newUser(), campaign.campaignId())).isFalse();
        assertThat(campaigns.find(owner, campaign.campaignId())).isPresent();
        assertThat(campaigns.delete(owner, campaign.campaignId())).isTrue();
        assertThat(campaigns.delete(owner, campaign.campaignId())).isFalse();
        assertThat(campaigns.find(owner, campaign.campaignId())).isEmpty();
    }

    @Test
    void deletingACampaignDeletesItsProposalsAndNothingElse() {
        DynamoProposalRepository proposals = context.getBean(DynamoProposalRepository.class);
        String owner = newUser();
        Campaign doomed = campaign(owner, Instant.parse("2026-11-01T10:00:00Z"), CampaignStatus.DRAFT);
        Campaign kept = campaign(owner, Instant.parse("2026-11-02T10:00:00Z"), CampaignStatus.DRAFT);
        campaigns.create(doomed);
        campaigns.create(kept);
        for (Campaign campaign : List.of(doomed, kept)) {
            for (AssetNode node : campaign.assetNodes()) {
                proposals.append(owner, proposal(campaign, node, 1));
                proposals.append(owner, proposal(campaign, node, 2));
            }
        }

        assertThat(campaigns.delete(owner, doomed.campaignId())).isTrue();

        assertThat(proposals.currentFor(owner, doomed.campaignId())).isEmpty();
        assertThat(proposals.versions(owner, doomed.campaignId(), doomed.assetNodes().get(0).assetId(), 50, null).items()).isEmpty();
        assertThat(proposals.currentFor(owner, kept.campaignId())).hasSize(2);
        assertThat(campaigns.find(owner, kept.campaignId())).isPresent();
    }

    private static Proposal proposal(Campaign campaign, AssetNode node, long version) {
        return Proposal.proposed(node.assetId(), campaign.campaignId(), version,
                new Proposal.Slot(node.assetType(), node.channel(), node.placement(), node.phase()),
                new Proposal.Concept("hook", "angle", "concept", "prompt"),
                new Proposal.Recommendation("template", "wavespeed", "qwen-image", QualityTier.STANDARD,
                        new BigDecimal("0.03")),
                Map.of(), Map.of(), "generated", campaign.createdAt());
    }

    @Test
    void listsNewestFirstInPagesAndFiltersByStatus() {
        String owner = newUser();
        List<Campaign> created = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            CampaignStatus status = day % 3 == 0 ? CampaignStatus.PROPOSED : CampaignStatus.DRAFT;
            Campaign campaign = campaign(owner, Instant.parse("2026-11-0" + day + "T10:00:00Z"), status);
            campaigns.create(campaign);
            created.add(campaign);
        }
        campaigns.create(campaign(newUser(), Instant.parse("2026-11-09T10:00:00Z"), CampaignStatus.DRAFT));

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<Campaign> page = campaigns.list(owner, null, 3, token);
            page.items().forEach(c -> seen.add(c.campaignId()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);

        List<String> newestFirst = new ArrayList<>(created.stream().map(Campaign::campaignId).toList());
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(pages).isEqualTo(3);

        Page<Campaign> proposedFirst = campaigns.list(owner, CampaignStatus.PROPOSED, 1, null);
        assertThat(proposedFirst.items()).extracting(Campaign::campaignId).containsExactly(created.get(5).campaignId());
        Page<Campaign> proposedSecond = campaigns.list(owner, CampaignStatus.PROPOSED, 1, proposedFirst.nextToken());
        assertThat(proposedSecond.items()).extracting(Campaign::campaignId).containsExactly(created.get(2).campaignId());
        Page<Campaign> proposedRest = campaigns.list(owner, CampaignStatus.PROPOSED, 5, proposedSecond.nextToken());
        assertThat(proposedRest.items()).isEmpty();
        assertThat(proposedRest.nextToken()).isNull();
    }

    @Test
    void pageTokensCannotCrossTenantsOrBeForged() {
        String owner = newUser();
        for (int day = 1; day <= 3; day++) {
            campaigns.create(campaign(owner, Instant.parse("2026-11-0" + day + "T10:00:00Z"), CampaignStatus.DRAFT));
        }
        String token = campaigns.list(owner, null, 1, null).nextToken();
        String stranger = newUser();
        campaigns.create(campaign(stranger, Instant.parse("2026-10-01T10:00:00Z"), CampaignStatus.DRAFT));

        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sk\":\"CAMPAIGN#x\"}".getBytes(StandardCharsets.UTF_8));
        String[] signedParts = token.split("\\.");
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"lsi1sk\":\"CAMPAIGN#2099\"}".getBytes(StandardCharsets.UTF_8)) + "." + signedParts[1];

        assertThat(campaigns.list(owner, null, 10, token).items()).hasSize(2);
        assertThatThrownBy(() -> campaigns.list(stranger, null, 10, token))
                .isInstanceOf(ValidationException.class).hasMessageContaining("next_token");
        assertThatThrownBy(() -> campaigns.list(owner, CampaignStatus.DRAFT, 10, token))
                .isInstanceOf(ValidationException.class).hasMessageContaining("next_token");
        for (String refused : List.of("not-a-token", forged, forged + ".", altered, token + "x", ".")) {
            assertThatThrownBy(() -> campaigns.list(owner, null, 10, refused))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("next_token");
        }
    }

    @Test
    void brandProfileVersionsAdvanceAndStaleWritesConflict() {
        String owner = newUser();
        BrandProfile profile = new BrandProfile(null, null, null, List.of(), List.of("#112233"),
                new BrandProfile.Vocabulary(List.of("ship"), List.of("synergy")), List.of("best ever"));

        StoredBrandProfile first = profiles.save(owner, profile, null);
        StoredBrandProfile second = profiles.save(owner, profile, 1L);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(profiles.find(owner).orElseThrow().profile()).isEqualTo(profile);
        assertThatThrownBy(() -> profiles.save(owner, profile, 1L)).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> profiles.save(owner, profile, 0L)).isInstanceOf(VersionConflictException.class);
        assertThat(profiles.find(newUser())).isEmpty();
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    private static Campaign renamed(Campaign c, String name, long version) {
        return new Campaign(c.campaignId(), c.userId(), new Campaign.Brief(name, c.goal(), c.kpi(), c.channels()),
                c.plan(), c.status(), c.schedule(),
                new Campaign.Revision(c.createdAt(), c.updatedAt(), version, c.changes()));
    }

    private static Campaign campaign(String owner, Instant createdAt, CampaignStatus status) {
        LocalDate start = LocalDate.of(2026, 12, 1);
        Phase teaser = new Phase("teaser", 7, "build anticipation", start, start.plusDays(6));
        AssetNode image = new AssetNode(UUID.randomUUID().toString(), AssetType.IMAGE, Channel.INSTAGRAM, "teaser",
                "instagram/feed_portrait", "Teaser image", NodeStatus.PLANNED, start.plusDays(3), List.of());
        AssetNode caption = new AssetNode(UUID.randomUUID().toString(), AssetType.TEXT, Channel.INSTAGRAM, "teaser",
                "instagram/caption", "Teaser caption", NodeStatus.PLANNED, start.plusDays(4), List.of(image.assetId()));
        return new Campaign(UUID.randomUUID().toString(), owner,
                new Campaign.Brief("Launch " + createdAt, Goal.PRODUCT_LAUNCH, "1k sign-ups",
                        List.of(Channel.INSTAGRAM)),
                new Campaign.Plan(List.of(teaser), List.of(image, caption),
                        Map.of("product_name", "Acme", "custom_key", Map.of("kept", true))),
                status, new Campaign.Schedule(start, null), Campaign.Revision.first(createdAt));
    }
}
