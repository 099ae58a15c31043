package dev.pms.core.distribution;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.support.CampaignOpsFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pms.core.support.CampaignOpsFixture.SHARE_BASE;
import static dev.pms.core.support.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistributionServiceTest {
    private final CampaignOpsFixture fixture = new CampaignOpsFixture(CLOCK);

    @Test
    void schedulesTheAssetsApprovedForPublishExportsBothFilesAndActivatesTheCampaign() {
        String id = approvedForPublish("Aurora");

        DistributionResult result = fixture.distribution.build("alice", id, BuildSchedule.everyChannel(), SHARE_BASE);

        Campaign campaign = fixture.campaigns.find("alice", id).orElseThrow();
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.schedule()).hasSize(campaign.assetNodes().size());
        assertThat(campaign.assetNodes()).allSatisfy(n -> assertThat(n.status()).isEqualTo(NodeStatus.SCHEDULED));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.ACTIVE);
        String ics = new String(fixture.media.objects().get(fixture.ops.latest("alice", id).orElseThrow().icsKey()),
                StandardCharsets.UTF_8);
        long posts = result.schedule().stream().map(ScheduledPost::postId).distinct().count();
        assertThat(posts).isLessThan(result.schedule().size());
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize((int) posts + 1);
        assertThat(result.icsUrl()).contains("/v1/schedule.ics");
        assertThat(result.csvUrl()).contains("/v1/schedule.csv");

        DistributionResult again = fixture.distribution.build("alice", id,
                new BuildSchedule(Set.of(), ZoneId.of("America/New_York")), SHARE_BASE);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.timezone()).isEqualTo("America/New_York");
        assertThat(fixture.ops.versions("alice", id)).extracting(Schedule::version).containsExactly(1L, 2L);
        assertThat(fixture.media.objects().keySet()).anyMatch(k -> k.endsWith("/v1/schedule.csv"))
                .anyMatch(k -> k.endsWith("/v2/schedule.csv"));
    }

    @Test
    void anotherScheduledCampaignOnTheSameChannelsIsWarnedAboutOrAvoided() {
        String first = approvedForPublish("Aurora");
        fixture.distribution.build("alice", first, BuildSchedule.everyChannel(), SHARE_BASE);
        String second = approvedForPublish("Borealis");

        DistributionResult result = fixture.distribution.build("alice", second, BuildSchedule.everyChannel(), SHARE_BASE);

        assertThat(result.warnings()).filteredOn(w -> w.kind().equals("collision"))
                .isNotEmpty().allSatisfy(w -> assertThat(w.message()).contains("Aurora"));
    }

    @Test
    void nothingApprovedForPublishAndOtherUsersAreRefused() {
        Campaign proposed = fixture.proposedCampaign("alice", "Aurora");
        assertThatThrownBy(() -> fixture.distribution.build("alice", proposed.campaignId(), BuildSchedule.everyChannel(), SHARE_BASE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("approved for publish");
        String id = approvedForPublish("Borealis");
        assertThatThrownBy(() -> fixture.distribution.build("bob", id, BuildSchedule.everyChannel(), SHARE_BASE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void eachPostCarriesItsGeneratedCopyAndLastingLinksAndAnImageSharesItsCaptionsSlot() {
        String id = approvedForPublish("Aurora");

        DistributionResult result = fixture.distribution.build("alice", id, BuildSchedule.everyChannel(), SHARE_BASE);

        Map<String, AssetNode> nodes = new HashMap<>();
        fixture.nodes("alice", id).forEach(node -> nodes.put(node.assetId(), node));
        for (AssetNode caption : nodes.values()) {
            if (caption.assetType() == AssetType.TEXT) {
                ScheduledPost slot = slotOf(result, caption.assetId());
                assertThat(slot.postId()).isEqualTo(caption.assetId());
                for (String image : caption.dependsOn()) {
                    assertThat(slotOf(result, image).publishAt()).as("%s goes out with %s", image, caption.title())
                            .isEqualTo(slot.publishAt());
                    assertThat(slotOf(result, image).postId()).isEqualTo(caption.assetId());
                }
            }
        }
        Schedule stored = fixture.ops.latest("alice", id).orElseThrow();
        List<String> rows = List.of(new String(fixture.media.objects().get(stored.csvKey()), StandardCharsets.UTF_8)
                .split("\r\n"));
        long posts = result.schedule().stream().map(ScheduledPost::postId).distinct().count();
        assertThat(rows).hasSize((int) posts + 1);
        for (String row : rows.subList(1, rows.size())) {
            String postId = row.substring(row.lastIndexOf(",", row.lastIndexOf(",") - 1) + 1, row.lastIndexOf(","));
            AssetNode lead = nodes.get(postId);
            if (lead.assetType() == AssetType.TEXT) {
                assertThat(row).as("the message is the generated copy").contains("\"Copy of " + postId + ", ready.\"");
                String mediaUrl = row.split(",")[4];
                assertThat(mediaUrl).startsWith(SHARE_BASE + "/");
                String token = mediaUrl.substring(SHARE_BASE.length() + 1);
                assertThat(fixture.shares.open(token)).as("the link opens the image the caption was written for")
                        .hasValueSatisfying(download -> assertThat(download.url()).contains(lead.dependsOn().get(0)));
            }
        }
        String ics = new String(fixture.media.objects().get(stored.icsKey()), StandardCharsets.UTF_8)
                .replace("\r\n ", "");
        assertThat(ics).contains("Copy of ").contains("Media: " + SHARE_BASE + "/");
    }

    private static ScheduledPost slotOf(DistributionResult result, String assetId) {
        return result.schedule().stream().filter(post -> post.assetId().equals(assetId)).findFirst().orElseThrow();
    }

    private String approvedForPublish(String name) {
        String id = fixture.proposedCampaign("alice", name).campaignId();
        fixture.generateAll("alice", id);
        fixture.nodeStatuses.move("alice", id, fixture.every("alice", id, NodeStatus.APPROVED_FOR_PUBLISH));
        return id;
    }
}
