package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.proposal.ProposalStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.pms.core.generation.GenerationFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit: the generation use cases a user drives (start, status, approve, stop) against in-memory ports. */
class GenerationRunsTest {
    private final GenerationFixture fixture = new GenerationFixture();
    private final GenerationRuns runs = fixture.generationRuns;
    private Campaign campaign;

    @BeforeEach
    void aliceHasALaunchCampaign() {
        campaign = fixture.launchCampaign();
    }

    @Test
    void startStoresTheRunStartsTheWorkflowAndSaysWhereToPoll() {
        GenerationStatus.Started started = runs.start(USER, campaign.campaignId(),
                new StartGeneration(true, QualityTier.DRAFT));

        GenerationRun run = fixture.run(campaign.campaignId());
        assertThat(started.runId()).isEqualTo(run.runId());
        assertThat(started.executionId()).isEqualTo("arn:execution:generation-" + run.runId());
        assertThat(started.statusUrl()).isEqualTo("/runs/" + campaign.campaignId());
        assertThat(started.autopilot()).isTrue();
        assertThat(run.executionArn()).isEqualTo(started.executionId());
        assertThat(run.tier()).isEqualTo(QualityTier.DRAFT);
        assertThat(fixture.workflow.started).containsExactly("{\"user_id\":\"alice\",\"campaign_id\":\""
                + campaign.campaignId() + "\",\"run_id\":\"" + run.runId() + "\",\"autopilot\":true,\"tier\":\"draft\"}");
    }

    @Test
    void aSecondStartWhileTheRunIsGoingIsAConflictAndStartsNothing() {
        runs.start(USER, campaign.campaignId(), StartGeneration.defaults());

        assertThatThrownBy(() -> runs.start(USER, campaign.campaignId(), StartGeneration.defaults()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is still starting");
        assertThat(fixture.workflow.started).hasSize(1);
    }

    @Test
    void statusOfACampaignThatNeverRanIsNotFound() {
        assertThatThrownBy(() -> runs.status(USER, campaign.campaignId()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("has no generation run");
    }

    @Test
    void approveIsAConflictUntilTheRunWaitsForApproval() {
        runs.start(USER, campaign.campaignId(), StartGeneration.defaults());

        assertThatThrownBy(() -> runs.approve(USER, campaign.campaignId(), ApproveGeneration.defaults()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not awaiting approval");
    }

    @Test
    void approveApprovesEveryPendingProposalAndAnswersTheWaitingTask() {
        runs.start(USER, campaign.campaignId(), StartGeneration.defaults());
        RunInput input = fixture.input(campaign.campaignId(), false);
        fixture.generationWorkflow.prepare(input);
        fixture.generationWorkflow.awaitApproval(input, "token-1");

        GenerationStatus status = runs.approve(USER, campaign.campaignId(), ApproveGeneration.defaults());

        assertThat(fixture.workflow.succeeded).containsExactly("token-1");
        assertThat(status.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        assertThat(fixture.proposals.currentFor(USER, campaign.campaignId()))
                .isNotEmpty().allSatisfy(p -> assertThat(p.status()).isEqualTo(ProposalStatus.APPROVED));
    }

    @Test
    void approveWithoutApprovingPendingLeavesTheProposalsAsTheyAre() {
        runs.start(USER, campaign.campaignId(), StartGeneration.defaults());
        RunInput input = fixture.input(campaign.campaignId(), false);
        fixture.generationWorkflow.prepare(input);
        fixture.generationWorkflow.awaitApproval(input, "token-2");

        runs.approve(USER, campaign.campaignId(), new ApproveGeneration(false));

        assertThat(fixture.workflow.succeeded).containsExactly("token-2");
        assertThat(fixture.proposals.currentFor(USER, campaign.campaignId()))
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(ProposalStatus.PROPOSED));
    }

    @Test
    void stopEndsTheWorkflowClosesOpenAssetsAndGivesTheirMoneyBack() {
        runs.start(USER, campaign.campaignId(), new StartGeneration(true, null));
        RunInput input = fixture.input(campaign.campaignId(), true);
        fixture.generationWorkflow.prepare(input);
        fixture.generationWorkflow.reserve(input);

        GenerationStatus status = runs.stop(USER, campaign.campaignId());

        assertThat(status.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(fixture.workflow.stopped).containsExactly(fixture.run(campaign.campaignId()).executionArn());
        assertThat(fixture.assetsOf(campaign.campaignId())).isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(AssetStatus.STOPPED));
        assertThat(fixture.assets.released).hasSameSizeAs(fixture.assetsOf(campaign.campaignId()));
        for (AssetRecord asset : fixture.assetsOf(campaign.campaignId())) {
            assertThat(fixture.node(campaign.campaignId(), asset.assetId()).status()).isEqualTo(NodeStatus.FAILED);
        }
        assertThatThrownBy(() -> runs.stop(USER, campaign.campaignId()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has already stopped");
    }

    @Test
    void statusAfterANewRunShowsTheNewRunsAssetsAndNotTheOnesItShowedBefore() {
        String id = campaign.campaignId();
        runs.start(USER, id, new StartGeneration(true, null));
        RunInput first = fixture.input(id, true);
        fixture.generationWorkflow.prepare(first);
        fixture.generationWorkflow.reserve(first);
        GenerationStatus firstStatus = runs.status(USER, id);
        runs.stop(USER, id);

        runs.start(USER, id, new StartGeneration(true, null));
        RunInput second = fixture.input(id, true);
        fixture.generationWorkflow.prepare(second);
        fixture.generationWorkflow.reserve(second);
        GenerationStatus secondStatus = runs.status(USER, id);

        GenerationRun run = fixture.run(id);
        assertThat(secondStatus.runId()).isEqualTo(run.runId()).isNotEqualTo(firstStatus.runId());
        assertThat(secondStatus.nodes()).extracting(GenerationStatus.NodeProgressView::assetLibraryId)
                .containsExactlyInAnyOrderElementsOf(run.assetLibraryIds().values());
        assertThat(secondStatus.nodes()).extracting(GenerationStatus.NodeProgressView::assetStatus)
                .containsOnly(AssetStatus.QUEUED.code());
        assertThat(firstStatus.nodes()).extracting(GenerationStatus.NodeProgressView::assetLibraryId)
                .doesNotContainAnyElementsOf(run.assetLibraryIds().values());
    }
}
