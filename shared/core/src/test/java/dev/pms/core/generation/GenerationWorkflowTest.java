package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.proposal.ProposalStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.pms.core.generation.GenerationFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

/** Unit: the generation workflow's task steps (prepare, reserve, item failed, finalize) against in-memory ports. */
class GenerationWorkflowTest {
    private final GenerationFixture fixture = new GenerationFixture();
    private final GenerationWorkflow workflow = fixture.generationWorkflow;
    private Campaign campaign;

    @BeforeEach
    void aliceStartedARun() {
        campaign = fixture.launchCampaign();
    }

    private RunInput started(boolean autopilot) {
        fixture.generationRuns.start(USER, campaign.campaignId(), new StartGeneration(autopilot, null));
        return fixture.input(campaign.campaignId(), autopilot);
    }

    @Test
    void prepareProposesTheMissingNodesAndWaitsForApproval() {
        RunInput input = started(false);

        RunInput.StepResult step = workflow.prepare(input);

        assertThat(step).isEqualTo(new RunInput.StepResult("await_approval", "proposed", null));
        assertThat(fixture.proposals.currentFor(USER, campaign.campaignId()))
                .hasSize(campaign.assetNodes().size())
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(ProposalStatus.PROPOSED));
    }

    @Test
    void prepareOnAutopilotApprovesEverythingAndGoesOnToReserve() {
        RunInput.StepResult step = workflow.prepare(started(true));

        assertThat(step).isEqualTo(new RunInput.StepResult("reserve", "approved", null));
        assertThat(fixture.proposals.currentFor(USER, campaign.campaignId()))
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(ProposalStatus.APPROVED));
    }

    @Test
    void prepareOfAStoppedRunSendsTheWorkflowToFinalize() {
        RunInput input = started(false);
        fixture.generationRuns.stop(USER, campaign.campaignId());

        assertThat(workflow.prepare(input))
                .isEqualTo(new RunInput.StepResult("finalize", "superseded", "the run was stopped or replaced"));
    }

    @Test
    void reserveQueuesOneAssetPerApprovedNodeOnceEvenWhenTheTaskIsRetried() {
        RunInput input = started(true);
        workflow.prepare(input);

        GenerationWorkflow.Reserved reserved = workflow.reserve(input);
        GenerationWorkflow.Reserved retried = workflow.reserve(input);

        assertThat(reserved.next()).isEqualTo("generate");
        assertThat(reserved.items()).hasSize(campaign.assetNodes().size());
        assertThat(retried.items()).isEqualTo(reserved.items());
        assertThat(fixture.runs.reserved).hasSize(1);
        assertThat(fixture.run(campaign.campaignId()).status()).isEqualTo(RunStatus.GENERATING);
        assertThat(fixture.assetsOf(campaign.campaignId())).hasSize(campaign.assetNodes().size())
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(AssetStatus.QUEUED));
        assertThat(fixture.campaign(campaign.campaignId()).assetNodes())
                .allSatisfy(n -> assertThat(n.status()).isEqualTo(NodeStatus.GENERATING));
    }

    @Test
    void reserveWithoutApprovedProposalsFinalizesWithNothingToGenerate() {
        RunInput input = started(false);
        workflow.prepare(input);

        assertThat(workflow.reserve(input)).isEqualTo(new GenerationWorkflow.Reserved("finalize",
                "nothing_to_generate", "no approved proposals are waiting", List.of()));
    }

    @Test
    void reserveWhenThePlanRanOutReservesNothing() {
        RunInput input = started(true);
        workflow.prepare(input);
        fixture.runs.planExceeded = true;

        GenerationWorkflow.Reserved reserved = workflow.reserve(input);

        assertThat(reserved.outcome()).isEqualTo("plan_exceeded");
        assertThat(fixture.run(campaign.campaignId()).assetLibraryIds()).isEmpty();
    }

    @Test
    void aFailedItemIsClosedItsMoneyGivenBackAndItsNodeFailed() {
        RunInput input = started(true);
        workflow.prepare(input);
        Map<String, String> item = workflow.reserve(input).items().get(0);

        workflow.itemFailed(new ItemFailure(USER, item.get("asset_library_id"), item.get("asset_id"),
                new ItemFailure.Failure("States.Timeout", "took too long")));

        AssetRecord failed = fixture.assets.find(USER, item.get("asset_library_id")).orElseThrow();
        assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(failed.error()).isEqualTo("the provider job timed out");
        assertThat(fixture.assets.released).containsExactly(item.get("asset_library_id"));
        assertThat(fixture.node(campaign.campaignId(), item.get("asset_id")).status()).isEqualTo(NodeStatus.FAILED);
    }

    @Test
    void finalizeClosesWhatIsStillOpenAndRollsTheRunUp() {
        RunInput input = started(true);
        workflow.prepare(input);
        List<Map<String, String>> items = workflow.reserve(input).items();
        AssetRecord first = fixture.assets.find(USER, items.get(0).get("asset_library_id")).orElseThrow();
        fixture.assets.put(USER, first.closed(AssetStatus.READY, null, first.createdAt()));

        GenerationWorkflow.Finalized finalized = workflow.finalizeRun(input);

        assertThat(finalized.outcome()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES.code());
        assertThat(finalized.ready()).isEqualTo(1);
        assertThat(finalized.failed()).isEqualTo(items.size() - 1);
        assertThat(finalized.costUsd()).isEqualByComparingTo(first.costUsd() == null ? BigDecimal.ZERO : first.costUsd());
        assertThat(fixture.run(campaign.campaignId()).status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
        assertThat(fixture.node(campaign.campaignId(), first.assetId()).status()).isEqualTo(NodeStatus.READY);
    }
}
