package dev.pms.aws.dynamodb;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.common.Page;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.proposal.ProposalStatus;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.LocalAwsExtension;
import dev.pms.emulators.ProvisionedResources;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versioned proposals with an atomic current pointer, against the local DynamoDB emulator. */
@ExtendWith(LocalAwsExtension.class)
class DynamoProposalRepositoryIntegrationTest {
    private static ApplicationContext context;
    private static DynamoProposalRepository proposals;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.start(aws, resources);
        proposals = context.getBean(DynamoProposalRepository.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void appendsVersionsAndKeepsEveryOne() {
        String user = "user-" + UUID.randomUUID();
        String campaign = UUID.randomUUID().toString();
        Proposal first = proposal(campaign, "a1", 1, "hook one", ProposalStatus.PROPOSED);
        proposals.appendAll(user, List.of(first, proposal(campaign, "a2", 1, "hook", ProposalStatus.PROPOSED)));

        Proposal second = proposal(campaign, "a1", 2, "hook two", ProposalStatus.APPROVED);
        proposals.append(user, second);

        assertThat(proposals.current(user, campaign, "a1")).contains(second);
        assertThat(proposals.versions(user, campaign, "a1", 50, null).items()).containsExactly(first, second);
        assertThat(proposals.currentFor(user, campaign)).extracting(Proposal::assetId).containsExactlyInAnyOrder("a1", "a2");
        assertThat(proposals.currentFor(user, UUID.randomUUID().toString())).isEmpty();
        assertThat(proposals.currentFor("someone-else", campaign)).isEmpty();
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String user = "user-" + UUID.randomUUID();
        String campaign = UUID.randomUUID().toString();
        proposals.append(user, proposal(campaign, "a1", 1, "v1", ProposalStatus.PROPOSED));
        proposals.append(user, proposal(campaign, "a1", 2, "v2", ProposalStatus.PROPOSED));

        assertThatThrownBy(() -> proposals.append(user, proposal(campaign, "a1", 2, "racing v2", ProposalStatus.PROPOSED)))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> proposals.append(user, proposal(campaign, "a1", 1, "again v1", ProposalStatus.PROPOSED)))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> proposals.append(user, proposal(campaign, "a1", 4, "skips v3", ProposalStatus.PROPOSED)))
                .isInstanceOf(VersionConflictException.class);

        assertThat(proposals.current(user, campaign, "a1").orElseThrow().hook()).isEqualTo("v2");
        assertThat(proposals.versions(user, campaign, "a1", 50, null).items()).hasSize(2);
    }

    @Test
    void manyProposalsAreWrittenInTransactionsOfFifty() {
        String user = "user-" + UUID.randomUUID();
        String campaign = UUID.randomUUID().toString();
        List<Proposal> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(proposal(campaign, "asset-" + i, 1, "hook " + i, ProposalStatus.PROPOSED));
        }

        proposals.appendAll(user, batch);

        assertThat(proposals.currentFor(user, campaign)).hasSize(60);
    }

    @Test
    void historyIsCappedAndPagedWithTokensBoundToTheUserAndTheProposal() {
        String user = "user-" + UUID.randomUUID();
        String campaign = UUID.randomUUID().toString();
        int written = ProposalRepository.VERSIONS_KEPT + 5;
        for (int version = 1; version <= written; version++) {
            proposals.append(user, proposal(campaign, "a1", version, "v" + version, ProposalStatus.PROPOSED));
        }
        proposals.append(user, proposal(campaign, "a2", 1, "other", ProposalStatus.PROPOSED));

        List<Long> seen = new ArrayList<>();
        String token = null;
        String firstToken = null;
        do {
            Page<Proposal> page = proposals.versions(user, campaign, "a1", 40, token);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(40);
            page.items().forEach(p -> seen.add(p.version()));
            token = page.nextToken();
            firstToken = firstToken == null ? token : firstToken;
        } while (token != null);

        assertThat(seen).hasSize(ProposalRepository.VERSIONS_KEPT).first().isEqualTo(6L);
        assertThat(seen).isSorted().last().isEqualTo((long) written);
        String issued = firstToken;
        assertThatThrownBy(() -> proposals.versions("someone-else", campaign, "a1", 40, issued))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> proposals.versions(user, campaign, "a2", 40, issued))
                .isInstanceOf(ValidationException.class);
    }

    private static Proposal proposal(String campaign, String asset, long version, String hook, ProposalStatus status) {
        return new Proposal(asset, campaign, version,
                new Proposal.Slot(AssetType.IMAGE, Channel.INSTAGRAM, "instagram/feed_portrait", "launch"),
                new Proposal.Concept(hook, "benefit", "A concept", "Prompt " + hook),
                new Proposal.Recommendation("instagram-feed-hero", "wavespeed", "qwen-image", QualityTier.STANDARD,
                        new BigDecimal("0.03")),
                status, null, Map.of("tier", "standard"), Map.of("tone", "brand_dna"), "generated",
                Instant.parse("2026-11-25T10:00:00Z"));
    }
}
