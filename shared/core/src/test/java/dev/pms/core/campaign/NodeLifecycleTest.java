package dev.pms.core.campaign;

import dev.pms.core.support.CampaignBuilder;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.error.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pms.core.campaign.NodeStatus.APPROVED;
import static dev.pms.core.campaign.NodeStatus.APPROVED_FOR_PUBLISH;
import static dev.pms.core.campaign.NodeStatus.FAILED;
import static dev.pms.core.campaign.NodeStatus.GENERATING;
import static dev.pms.core.campaign.NodeStatus.PLANNED;
import static dev.pms.core.campaign.NodeStatus.PROPOSED;
import static dev.pms.core.campaign.NodeStatus.PUBLISHED;
import static dev.pms.core.campaign.NodeStatus.READY;
import static dev.pms.core.campaign.NodeStatus.REJECTED;
import static dev.pms.core.campaign.NodeStatus.SCHEDULED;
import static dev.pms.core.support.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeLifecycleTest {
    private static final Map<NodeStatus, Set<NodeStatus>> LEGAL = Map.of(
            PLANNED, Set.of(PROPOSED),
            PROPOSED, Set.of(PROPOSED, APPROVED, REJECTED),
            APPROVED, Set.of(GENERATING, REJECTED, PROPOSED),
            REJECTED, Set.of(PROPOSED),
            GENERATING, Set.of(READY, FAILED),
            FAILED, Set.of(GENERATING),
            READY, Set.of(APPROVED_FOR_PUBLISH, REJECTED, PROPOSED),
            APPROVED_FOR_PUBLISH, Set.of(SCHEDULED, REJECTED, PROPOSED),
            SCHEDULED, Set.of(PUBLISHED, APPROVED_FOR_PUBLISH),
            PUBLISHED, Set.of());

    @Test
    void allowsExactlyTheDocumentedTransitions() {
        List<String> mismatches = new ArrayList<>();
        for (NodeStatus from : NodeStatus.values()) {
            for (NodeStatus to : NodeStatus.values()) {
                if (NodeLifecycle.allows(from, to) != LEGAL.get(from).contains(to)) {
                    mismatches.add(from.code() + " -> " + to.code());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void anIllegalTransitionIsAnIllegalTransitionException() {
        assertThatThrownBy(() -> NodeLifecycle.check("a1", PLANNED, APPROVED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("a1 cannot go from planned to approved (allowed: proposed)")
                .extracting(e -> ((IllegalTransitionException) e).kind()).isEqualTo("illegal-transition");
        assertThatThrownBy(() -> NodeLifecycle.check("a1", PUBLISHED, SCHEDULED))
                .hasMessageContaining("published is final");
        assertThatThrownBy(() -> NodeLifecycle.check("a1", READY, GENERATING))
                .hasMessageContaining("allowed: proposed, rejected, approved_for_publish");
    }

    @Test
    void applyMovesNodesDerivesTheCampaignStatusAndBumpsTheVersion() {
        Campaign campaign = campaign(CampaignStatus.DRAFT, node("a", PLANNED), node("b", PLANNED));

        Campaign proposed = NodeLifecycle.apply(campaign, Map.of("a", PROPOSED, "b", PROPOSED), NOW.plusSeconds(60));

        assertThat(proposed.assetNodes()).extracting(AssetNode::status).containsExactly(PROPOSED, PROPOSED);
        assertThat(proposed.status()).isEqualTo(CampaignStatus.PROPOSED);
        assertThat(proposed.version()).isEqualTo(campaign.version() + 1);
        assertThat(proposed.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void applyChangesNothingWhenOneMoveIsIllegal() {
        Campaign campaign = campaign(CampaignStatus.DRAFT, node("a", PLANNED), node("b", PUBLISHED));

        assertThatThrownBy(() -> NodeLifecycle.apply(campaign, Map.of("a", PROPOSED, "b", PROPOSED), NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("asset b");
        assertThatThrownBy(() -> NodeLifecycle.apply(campaign, Map.of("zz", PROPOSED), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void campaignStatusFollowsItsNodes() {
        assertThat(derive(PLANNED, PROPOSED)).isEqualTo(CampaignStatus.DRAFT);
        assertThat(derive()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(derive(PROPOSED, APPROVED, REJECTED)).isEqualTo(CampaignStatus.PROPOSED);
        assertThat(derive(PLANNED, GENERATING)).isEqualTo(CampaignStatus.GENERATING);
        assertThat(derive(READY, FAILED)).isEqualTo(CampaignStatus.PROPOSED);
        assertThat(derive(READY, READY)).isEqualTo(CampaignStatus.READY);
        assertThat(derive(READY, APPROVED_FOR_PUBLISH, SCHEDULED, PUBLISHED)).isEqualTo(CampaignStatus.READY);
        assertThat(derive(SCHEDULED, PROPOSED)).isEqualTo(CampaignStatus.PROPOSED);
        assertThat(NodeLifecycle.campaignStatus(CampaignStatus.ACTIVE, List.of(node("a", GENERATING))))
                .isEqualTo(CampaignStatus.ACTIVE);
    }

    private static CampaignStatus derive(NodeStatus... statuses) {
        List<AssetNode> nodes = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            nodes.add(node("n" + i, statuses[i]));
        }
        return NodeLifecycle.campaignStatus(CampaignStatus.DRAFT, nodes);
    }

    private static AssetNode node(String id, NodeStatus status) {
        return new AssetNode(id, AssetType.IMAGE, Channel.INSTAGRAM, "launch", "instagram/feed_portrait", "Launch: image",
                status, LocalDate.of(2026, 12, 10), List.of());
    }

    private static Campaign campaign(CampaignStatus status, AssetNode... nodes) {
        Instant created = NOW;
        return CampaignBuilder.campaign("c1", "alice").named("Launch").goal(Goal.PRODUCT_LAUNCH)
                .channels(Channel.INSTAGRAM).nodes(List.of(nodes)).status(status).at(created).version(3).build();
    }
}
