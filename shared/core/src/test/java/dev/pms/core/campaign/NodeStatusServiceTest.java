package dev.pms.core.campaign;

import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.IllegalTransitionException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import dev.pms.core.support.RacingCampaignRepository;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static dev.pms.core.support.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeStatusServiceTest {
    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    private final Campaign campaign = new CampaignService(campaigns, new InMemoryBrandProfileRepository(CLOCK),
            ChannelCatalog.load(), CLOCK, () -> UUID.randomUUID().toString())
            .createBlueprint("alice", new CreateCampaign("n", Goal.AWARENESS, null, List.of(Channel.EMAIL), Map.of(), null,
                    null));
    private final NodeStatusService service = new NodeStatusService(campaigns, CLOCK);

    @Test
    void movesNodesAndDerivesTheCampaignStatus() {
        Campaign moved = service.move("alice", campaign.campaignId(), Map.of(assetId(0), NodeStatus.PROPOSED));

        assertThat(moved.assetNodes().get(0).status()).isEqualTo(NodeStatus.PROPOSED);
        assertThat(moved.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(moved.version()).isEqualTo(campaign.version() + 1);
        assertThat(stored()).isEqualTo(moved);
    }

    @Test
    void aStrictMoveThatIsNotAllowedChangesNothing() {
        assertThatThrownBy(() -> service.move("alice", campaign.campaignId(),
                Map.of(assetId(0), NodeStatus.PROPOSED, assetId(1), NodeStatus.READY)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("from planned to ready");
        assertThatThrownBy(() -> service.move("alice", campaign.campaignId(), Map.of("nope", NodeStatus.PROPOSED)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stored()).isEqualTo(campaign);
    }

    @Test
    void aLenientMoveSkipsWhatIsNotAllowedAndWritesNothingWhenNothingMoves() {
        Campaign moved = service.move("alice", campaign.campaignId(),
                Map.of(assetId(0), NodeStatus.PROPOSED, assetId(1), NodeStatus.READY, "gone", NodeStatus.PROPOSED),
                NodeStatusService.Policy.SKIP_DISALLOWED, UnaryOperator.identity());

        assertThat(moved.assetNodes().get(0).status()).isEqualTo(NodeStatus.PROPOSED);
        assertThat(moved.assetNodes().get(1).status()).isEqualTo(NodeStatus.PLANNED);
        Campaign unchanged = service.move("alice", campaign.campaignId(), Map.of(assetId(1), NodeStatus.READY),
                NodeStatusService.Policy.SKIP_DISALLOWED, UnaryOperator.identity());
        assertThat(unchanged.version()).isEqualTo(moved.version());
    }

    @Test
    void retriesOnAConflictAndGivesUpAfterTheLastAttempt() {
        RacingCampaignRepository racing = new RacingCampaignRepository(campaigns, 1);
        Campaign moved = new NodeStatusService(racing, CLOCK)
                .move("alice", campaign.campaignId(), Map.of(assetId(0), NodeStatus.PROPOSED));
        assertThat(moved.campaignName()).isEqualTo(RacingCampaignRepository.RACING_NAME);
        assertThat(moved.version()).isEqualTo(campaign.version() + 2);

        RacingCampaignRepository alwaysRacing = new RacingCampaignRepository(campaigns, NodeStatusService.MAX_WRITE_ATTEMPTS);
        assertThatThrownBy(() -> new NodeStatusService(alwaysRacing, CLOCK)
                .move("alice", campaign.campaignId(), Map.of(assetId(1), NodeStatus.PROPOSED)))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> service.move("bob", campaign.campaignId(), Map.of(assetId(0), NodeStatus.APPROVED)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTargetedMoveSkipsWhatIsNotAllowedDerivesTheStatusFromTheCountsAndRetriesALostRace() {
        service.moveNodes("alice", campaign.campaignId(),
                Map.of(assetId(0), NodeStatus.PROPOSED, assetId(1), NodeStatus.READY, "gone", NodeStatus.PROPOSED));

        Campaign moved = stored();
        assertThat(moved.assetNodes().get(0).status()).isEqualTo(NodeStatus.PROPOSED);
        assertThat(moved.assetNodes().get(1).status()).isEqualTo(NodeStatus.PLANNED);
        assertThat(moved.version()).isEqualTo(campaign.version() + 1);
        Map<String, NodeStatus> allProposed = new HashMap<>();
        campaign.assetNodes().forEach(node -> allProposed.put(node.assetId(), NodeStatus.PROPOSED));
        new NodeStatusService(new RacingCampaignRepository(campaigns, 1), CLOCK)
                .moveNodes("alice", campaign.campaignId(), allProposed);
        assertThat(stored().status()).isEqualTo(CampaignStatus.PROPOSED);
        assertThat(stored().campaignName()).isEqualTo(RacingCampaignRepository.RACING_NAME);
        assertThat(service.tryMove("bob", campaign.campaignId(), Map.of(assetId(0), NodeStatus.APPROVED))).isFalse();
    }

    private String assetId(int index) {
        return campaign.assetNodes().get(index).assetId();
    }

    private Campaign stored() {
        return campaigns.find("alice", campaign.campaignId()).orElseThrow();
    }
}
