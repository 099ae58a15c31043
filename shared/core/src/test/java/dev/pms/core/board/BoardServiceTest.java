package dev.pms.core.board;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.error.IllegalTransitionException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.support.CampaignOpsFixture;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pms.core.support.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoardServiceTest {
    private final CampaignOpsFixture fixture = new CampaignOpsFixture(CLOCK);
    private final BoardService board = fixture.board;

    @Test
    void theBoardShowsEveryNodeAsACardInItsStatusColumn() {
        Campaign campaign = fixture.proposedCampaign("alice", "Aurora");

        Board shown = board.board("alice", campaign.campaignId());

        assertThat(shown.columns()).extracting(BoardColumn::title).containsExactly("Planned", "Proposed", "Approved",
                "Generating", "In review", "Approved for publish", "Scheduled", "Published", "Rejected", "Failed");
        List<BoardCard> proposed = shown.columns().get(1).cards();
        assertThat(proposed).hasSize(campaign.assetNodes().size());
        assertThat(proposed).allSatisfy(card -> {
            assertThat(card.cost()).isPositive();
            assertThat(card.dueDate()).isNotNull();
            assertThat(card.publishAt()).isNotNull();
            assertThat(card.publishAtScheduled()).isFalse();
            assertThat(card.previewUrl()).as("no asset yet").isNull();
            assertThat(card.version()).isEqualTo(1);
        });
        assertThatThrownBy(() -> board.board("bob", campaign.campaignId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void approveMovesAProposalToApprovedAndAReviewedAssetToApprovedForPublish() {
        Campaign campaign = fixture.proposedCampaign("alice", "Aurora");
        String asset = campaign.assetNodes().get(0).assetId();

        BoardCard approved = board.move("alice", campaign.campaignId(), asset, new MoveCard(MoveCard.Action.APPROVE, 1, null));
        assertThat(approved.status()).isEqualTo(NodeStatus.APPROVED);
        assertThat(approved.version()).isEqualTo(2);

        fixture.generateAll("alice", campaign.campaignId());
        BoardCard reviewed = board.move("alice", campaign.campaignId(), asset, new MoveCard(MoveCard.Action.APPROVE, 2, null));
        assertThat(reviewed.status()).isEqualTo(NodeStatus.APPROVED_FOR_PUBLISH);
        assertThat(reviewed.previewUrl()).isEqualTo("https://media.test/preview/" + asset);

        assertThatThrownBy(() -> board.move("alice", campaign.campaignId(), asset, new MoveCard(MoveCard.Action.APPROVE, 2, null)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(board.board("alice", campaign.campaignId()).moves())
                .extracting(BoardMove::action, BoardMove::from, BoardMove::to)
                .containsExactly(Tuple.tuple("approve", NodeStatus.READY, NodeStatus.APPROVED_FOR_PUBLISH),
                        Tuple.tuple("approve", NodeStatus.PROPOSED, NodeStatus.APPROVED));
    }

    @Test
    void aPushBackMakesANewProposalVersionWhosePromptCarriesTheComment() {
        Campaign campaign = fixture.proposedCampaign("alice", "Aurora");
        fixture.generateAll("alice", campaign.campaignId());
        AssetNode node = campaign.assetNodes().get(0);
        Proposal before = fixture.proposals.current("alice", campaign.campaignId(), node.assetId()).orElseThrow();

        BoardCard card = board.move("alice", campaign.campaignId(), node.assetId(),
                new MoveCard(MoveCard.Action.PUSH_BACK, before.version(), "Warmer light, less text"));

        assertThat(card.status()).isEqualTo(NodeStatus.PROPOSED);
        Proposal after = fixture.proposals.current("alice", campaign.campaignId(), node.assetId()).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.change()).isEqualTo("push_back");
        assertThat(after.proposedPrompt()).startsWith(before.proposedPrompt())
                .endsWith("Reviewer guidance: Warmer light, less text");
        assertThat(fixture.proposals.versions("alice", campaign.campaignId(), node.assetId(), 200, null).items()).hasSize((int) after.version());
        BoardMove move = board.board("alice", campaign.campaignId()).moves().get(0);
        assertThat(move).extracting(BoardMove::by, BoardMove::from, BoardMove::to, BoardMove::comment, BoardMove::at)
                .containsExactly("alice", NodeStatus.READY, NodeStatus.PROPOSED, "Warmer light, less text", CLOCK.instant());
    }

    @Test
    void rejectAndTheRulesOfTheStateMachineAndOfVersions() {
        Campaign campaign = fixture.proposedCampaign("alice", "Aurora");
        String id = campaign.campaignId();
        String first = campaign.assetNodes().get(0).assetId();
        String second = campaign.assetNodes().get(1).assetId();

        BoardCard rejected = board.move("alice", id, first, new MoveCard(MoveCard.Action.REJECT, 1, null));
        assertThat(rejected.status()).isEqualTo(NodeStatus.REJECTED);
        assertThat(fixture.proposals.current("alice", id, first).orElseThrow().reason())
                .isEqualTo(BoardService.DEFAULT_REJECT_REASON);

        assertThatThrownBy(() -> board.move("alice", id, first, new MoveCard(MoveCard.Action.REJECT, 2, null)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> board.move("alice", id, first, new MoveCard(MoveCard.Action.APPROVE, 2, null)))
                .as("rejected → approved is not a transition").isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> board.move("alice", id, second, new MoveCard(MoveCard.Action.APPROVE, 7, null)))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> board.move("alice", id, "nope", new MoveCard(MoveCard.Action.APPROVE, 1, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> board.move("bob", id, second, new MoveCard(MoveCard.Action.APPROVE, 1, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(board.board("alice", id).moves()).hasSize(1);
    }
}
