package dev.pms.core.campaign;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.support.CampaignBuilder;
import dev.pms.core.support.InMemoryCampaignRepository;
import dev.pms.core.support.RacingCampaignRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static dev.pms.core.support.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Node moves retry a lost race after a pause, a bounded number of times, and no other failure. */
class NodeMoveRetryPolicyTest {
    private static final String USER = "alice";
    private static final String NODE = "node-1";

    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    private final List<Integer> pauses = new ArrayList<>();
    private final Campaign campaign = CampaignBuilder.campaign("c1", USER).channels(Channel.EMAIL)
            .nodes(List.of(new AssetNode(NODE, AssetType.TEXT, Channel.EMAIL, "launch", "email/body", "Mail",
                    NodeStatus.APPROVED, LocalDate.of(2026, 12, 1), List.of())))
            .status(CampaignStatus.PROPOSED).build();

    NodeMoveRetryPolicyTest() {
        campaigns.create(campaign);
    }

    @Test
    void aLostRaceIsReadAgainAndRetriedAfterAPause() {
        RacingCampaignRepository racing = new RacingCampaignRepository(campaigns, 2);

        Campaign moved = service(racing).move(USER, "c1", Map.of(NODE, NodeStatus.GENERATING),
                NodeStatusService.Policy.SKIP_DISALLOWED, UnaryOperator.identity());

        assertThat(moved.assetNodes().get(0).status()).isEqualTo(NodeStatus.GENERATING);
        assertThat(moved.version()).isEqualTo(campaign.version() + 3);
        assertThat(pauses).containsExactly(1, 2);
    }

    @Test
    void theAttemptsAreBounded() {
        int races = 100;
        RacingCampaignRepository racing = new RacingCampaignRepository(campaigns, races);

        assertThatThrownBy(() -> service(racing).move(USER, "c1", Map.of(NODE, NodeStatus.GENERATING)))
                .isInstanceOf(VersionConflictException.class);

        assertThat(races - racing.racesLeft()).as("writes tried").isEqualTo(NodeStatusService.MAX_WRITE_ATTEMPTS);
        assertThat(pauses).hasSize(NodeStatusService.MAX_WRITE_ATTEMPTS - 1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger writes = new AtomicInteger();
        CampaignRepository failing = failingWrites(writes);

        assertThatThrownBy(() -> service(failing).move(USER, "c1", Map.of(NODE, NodeStatus.GENERATING)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> service(failing).move("bob", "c1", Map.of(NODE, NodeStatus.GENERATING)))
                .isInstanceOf(NotFoundException.class);

        assertThat(writes).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aTryIsOneAttemptAndReportsALostRace() {
        RacingCampaignRepository racing = new RacingCampaignRepository(campaigns, 1);

        assertThat(service(racing).tryMove(USER, "c1", Map.of(NODE, NodeStatus.GENERATING))).isFalse();
        assertThat(service(racing).tryMove("bob", "c1", Map.of(NODE, NodeStatus.GENERATING))).isFalse();
        assertThat(pauses).isEmpty();
        assertThat(service(racing).tryMove(USER, "c1", Map.of(NODE, NodeStatus.GENERATING))).isTrue();
        assertThat(campaigns.find(USER, "c1").orElseThrow().assetNodes().get(0).status())
                .isEqualTo(NodeStatus.GENERATING);
    }

    private NodeStatusService service(CampaignRepository repository) {
        return new NodeStatusService(repository, CLOCK, pauses::add);
    }

    /** The campaigns, but every write fails with something other than a version conflict. */
    private CampaignRepository failingWrites(AtomicInteger writes) {
        return (CampaignRepository) Proxy.newProxyInstance(CampaignRepository.class.getClassLoader(),
                new Class<?>[] {CampaignRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("update")) {
                        writes.incrementAndGet();
                        throw new IllegalStateException("the table is unavailable");
                    }
                    return method.invoke(campaigns, args);
                });
    }
}
