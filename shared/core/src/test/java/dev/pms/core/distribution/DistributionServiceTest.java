package dev.pms.core.distribution;

import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.support.CampaignOpsFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.pms.core.support.Fixtures.CLOCK;
import static dev.pms.core.support.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistributionServiceTest {
    private final CampaignOpsFixture fixture = new CampaignOpsFixture(CLOCK);

    @Test
    void schedulesTheAssetsApprovedForPublishExportsBothFilesAndActivatesTheCampaign() {
        String id = approvedForPublish("Aurora");

        DistributionResult result = fixture.distribution.build("alice", id, null);

        Campaign campaign = fixture.campaigns.find("alice", id).orElseThrow();
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.schedule()).hasSize(campaign.assetNodes().size());
        assertThat(campaign.assetNodes()).allSatisfy(n -> assertThat(n.status()).isEqualTo(NodeStatus.SCHEDULED));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.ACTIVE);
        String ics = new String(fixture.media.objects().get(fixture.ops.latest("alice", id).orElseThrow().icsKey()),
                StandardCharsets.UTF_8);
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(result.schedule().size() + 1);
        assertThat(result.icsUrl()).contains("/v1/schedule.ics");
        assertThat(result.csvUrl()).contains("/v1/schedule.csv");

        DistributionResult again = fixture.distribution.build("alice", id, json("{'timezone':'America/New_York'}"));
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.timezone()).isEqualTo("America/New_York");
        assertThat(fixture.ops.versions("alice", id)).extracting(Schedule::version).containsExactly(1L, 2L);
        assertThat(fixture.media.objects().keySet()).anyMatch(k -> k.endsWith("/v1/schedule.csv"))
                .anyMatch(k -> k.endsWith("/v2/schedule.csv"));
    }

    @Test
    void anotherScheduledCampaignOnTheSameChannelsIsWarnedAboutOrAvoided() {
        String first = approvedForPublish("Aurora");
        fixture.distribution.build("alice", first, null);
        String second = approvedForPublish("Borealis");

        DistributionResult result = fixture.distribution.build("alice", second, null);

        assertThat(result.warnings()).filteredOn(w -> w.kind().equals("collision"))
                .isNotEmpty().allSatisfy(w -> assertThat(w.message()).contains("Aurora"));
    }

    @Test
    void nothingApprovedForPublishBadBodiesAndOtherUsersAreRefused() {
        Campaign proposed = fixture.proposedCampaign("alice", "Aurora");
        assertThatThrownBy(() -> fixture.distribution.build("alice", proposed.campaignId(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("approved for publish");
        String id = approvedForPublish("Borealis");
        assertThatThrownBy(() -> fixture.distribution.build("alice", id, json("{'channels':['myspace'],'timezone':'Mars/Base'}")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).extracting("field")
                        .containsExactly("channels[0]", "timezone"));
        assertThatThrownBy(() -> fixture.distribution.build("bob", id, null)).isInstanceOf(NotFoundException.class);
    }

    private String approvedForPublish(String name) {
        String id = fixture.proposedCampaign("alice", name).campaignId();
        fixture.generateAll("alice", id);
        fixture.nodeStatuses.move("alice", id, fixture.every("alice", id, NodeStatus.APPROVED_FOR_PUBLISH));
        return id;
    }
}
