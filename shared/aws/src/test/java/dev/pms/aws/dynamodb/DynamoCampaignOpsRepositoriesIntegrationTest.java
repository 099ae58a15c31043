package dev.pms.aws.dynamodb;

import dev.pms.core.board.BoardMove;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.common.Page;
import dev.pms.core.distribution.Schedule;
import dev.pms.core.distribution.ScheduleWarning;
import dev.pms.core.distribution.ScheduledPost;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.optimization.CampaignRef;
import dev.pms.core.optimization.OptimizationRecord;
import dev.pms.core.performance.DailyMetrics;
import dev.pms.core.performance.MetricRow;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Board moves, schedules, metrics, optimisation runs and the active-campaign index on moto. */
@ExtendWith(LocalAwsExtension.class)
class DynamoCampaignOpsRepositoriesIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static ApplicationContext context;
    private static DynamoCampaignRepository campaigns;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.start(aws, resources);
        campaigns = context.getBean(DynamoCampaignRepository.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void boardMovesAreAppendedAndReadNewestFirst() {
        DynamoBoardMoveRepository moves = context.getBean(DynamoBoardMoveRepository.class);
        String user = newUser();
        moves.record(user, "c1", new BoardMove("a", "approve", NodeStatus.PROPOSED, NodeStatus.APPROVED, user, NOW, null));
        moves.record(user, "c1", new BoardMove("a", "push_back", NodeStatus.READY, NodeStatus.PROPOSED, user,
                NOW.plusSeconds(5), "warmer"));

        assertThat(moves.recent(user, "c1", 10)).extracting(BoardMove::action).containsExactly("push_back", "approve");
        assertThat(moves.recent(user, "c1", 1)).hasSize(1);
        assertThat(moves.recent(newUser(), "c1", 10)).isEmpty();
    }

    @Test
    void scheduleVersionsAreKeptAndAStaleVersionIsAConflict() {
        DynamoScheduleRepository schedules = context.getBean(DynamoScheduleRepository.class);
        String user = newUser();
        schedules.save(user, schedule("c1", 1));
        schedules.save(user, schedule("c1", 2));
        schedules.save(user, schedule("c2", 1));

        assertThat(schedules.latest(user, "c1").orElseThrow().version()).isEqualTo(2);
        assertThat(schedules.latest(user, "c1").orElseThrow().schedule()).isEqualTo(schedule("c1", 2).schedule());
        assertThatThrownBy(() -> schedules.save(user, schedule("c1", 2))).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> schedules.save(user, schedule("c3", 2))).isInstanceOf(VersionConflictException.class);
        assertThat(schedules.latestOfEveryCampaign(user)).extracting(Schedule::campaignId).containsExactlyInAnyOrder("c1", "c2");
        assertThat(schedules.latest(newUser(), "c1")).isEmpty();
    }

    @Test
    void metricDaysRoundTripAndAreWrittenOnlyOverTheVersionTheyMergedInto() {
        DynamoMetricsRepository metrics = context.getBean(DynamoMetricsRepository.class);
        String user = newUser();
        LocalDate day = LocalDate.of(2026, 11, 20);
        MetricRow asset = new MetricRow("a1", Channel.LINKEDIN, day, 1000, 30, 3, new BigDecimal("12.5"), 0);
        MetricRow channel = new MetricRow(null, Channel.TWITTER, day, 500, 5, 0, BigDecimal.ZERO, 7);
        metrics.saveAll(user, "c1", List.of(new DailyMetrics(day, Map.of(asset.key(), asset, channel.key(), channel), 0),
                new DailyMetrics(day.plusDays(1), Map.of(asset.key(), asset), 0)));

        Map<LocalDate, DailyMetrics> found = metrics.find(user, "c1", List.of(day, day.plusDays(5)));
        assertThat(found).containsOnlyKeys(day);
        assertThat(found.get(day).rows()).containsEntry("A#a1", asset).containsEntry("C#twitter", channel);
        assertThat(found.get(day).version()).isEqualTo(1);
        assertThatThrownBy(() -> metrics.saveAll(user, "c1", List.of(new DailyMetrics(day.plusDays(2), Map.of(), 0),
                new DailyMetrics(day, Map.of(), 0)))).isInstanceOf(VersionConflictException.class);
        assertThat(metrics.all(user, "c1")).extracting(DailyMetrics::date).containsExactly(day, day.plusDays(1));
    }

    @Test
    void anOptimisationRunIsClaimedOncePerCampaignPerDayUnlessItFailed() {
        DynamoOptimizationRunRepository runs = context.getBean(DynamoOptimizationRunRepository.class);
        String user = newUser();
        LocalDate day = LocalDate.of(2026, 11, 25);

        assertThat(runs.claim(user, "c1", day, NOW)).isTrue();
        assertThat(runs.claim(user, "c1", day, NOW)).isFalse();
        assertThat(runs.claim(user, "c1", day.plusDays(1), NOW)).isTrue();
        runs.complete(user, new OptimizationRecord("c1", day, "failed", List.of(), List.of(), NOW, NOW, "boom"));
        assertThat(runs.claim(user, "c1", day, NOW)).isTrue();
        runs.complete(user, new OptimizationRecord("c1", day, "done", List.of("x"), List.of(), NOW, NOW, null));
        assertThat(runs.claim(user, "c1", day, NOW)).isFalse();
        assertThat(runs.find(user, "c1", day).orElseThrow().insights()).containsExactly("x");
    }

    @Test
    void theActiveIndexListsExactlyTheActiveCampaignsPageByPageAndDropsOnesThatStop() {
        DynamoActiveCampaignIndex index = context.getBean(DynamoActiveCampaignIndex.class);
        Set<CampaignRef> before = all(index, 1000);
        String user = newUser();
        List<Campaign> active = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Campaign campaign = campaign(user, i % 4 == 0 ? CampaignStatus.PROPOSED : CampaignStatus.ACTIVE);
            campaigns.create(campaign);
            if (campaign.status() == CampaignStatus.ACTIVE) {
                active.add(campaign);
            }
        }

        Set<CampaignRef> listed = all(index, 2);
        listed.removeAll(before);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(active.stream()
                .map(c -> new CampaignRef(user, c.campaignId())).toList());

        Campaign stopped = active.get(0);
        campaigns.update(stopped.withOwner(user).withStatus(CampaignStatus.COMPLETED).revised(NOW), 1);
        assertThat(all(index, 5)).doesNotContain(new CampaignRef(user, stopped.campaignId()));
    }

    @Test
    void deletingACampaignDeletesItsBoardScheduleMetricsAndRuns() {
        String user = newUser();
        Campaign campaign = campaign(user, CampaignStatus.ACTIVE);
        campaigns.create(campaign);
        String id = campaign.campaignId();
        context.getBean(DynamoBoardMoveRepository.class).record(user, id,
                new BoardMove("a", "approve", NodeStatus.PROPOSED, NodeStatus.APPROVED, user, NOW, null));
        context.getBean(DynamoScheduleRepository.class).save(user, schedule(id, 1));
        LocalDate day = LocalDate.of(2026, 11, 20);
        context.getBean(DynamoMetricsRepository.class).saveAll(user, id, List.of(new DailyMetrics(day, Map.of(), 0)));
        context.getBean(DynamoOptimizationRunRepository.class).claim(user, id, day, NOW);

        assertThat(campaigns.delete(user, id)).isTrue();

        assertThat(context.getBean(DynamoBoardMoveRepository.class).recent(user, id, 10)).isEmpty();
        assertThat(context.getBean(DynamoScheduleRepository.class).latestOfEveryCampaign(user)).isEmpty();
        assertThat(context.getBean(DynamoMetricsRepository.class).all(user, id)).isEmpty();
        assertThat(context.getBean(DynamoOptimizationRunRepository.class).claim(user, id, day, NOW)).isTrue();
    }

    private static Set<CampaignRef> all(DynamoActiveCampaignIndex index, int pageSize) {
        Set<CampaignRef> refs = new HashSet<>();
        String token = null;
        do {
            Page<CampaignRef> page = index.page(pageSize, token);
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            refs.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return refs;
    }

    private static Schedule schedule(String campaignId, long version) {
        ScheduledPost post = new ScheduledPost("a" + version, Channel.LINKEDIN, AssetType.IMAGE, "linkedin/post_landscape",
                "Post", "launch", OffsetDateTime.parse("2026-12-08T09:00:00Z"), "a" + version);
        return new Schedule(campaignId, "Aurora", version, "UTC", List.of(post),
                List.of(new ScheduleWarning("collision", "a1", Channel.LINKEDIN, LocalDate.of(2026, 12, 8), "busy")),
                "k.ics", "k.csv", NOW);
    }

    private static Campaign campaign(String owner, CampaignStatus status) {
        LocalDate start = LocalDate.of(2026, 12, 1);
        Phase launch = new Phase("launch", 7, "launch", start, start.plusDays(6));
        AssetNode image = new AssetNode(UUID.randomUUID().toString(), AssetType.IMAGE, Channel.LINKEDIN, "launch",
                "linkedin/post_landscape", "Launch image", NodeStatus.SCHEDULED, start.plusDays(1), List.of());
        return new Campaign(UUID.randomUUID().toString(), owner,
                new Campaign.Brief("Aurora", Goal.PRODUCT_LAUNCH, "1k sign-ups", List.of(Channel.LINKEDIN)),
                new Campaign.Plan(List.of(launch), List.of(image), Map.of()), status,
                new Campaign.Schedule(start, start), Campaign.Revision.first(NOW));
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }
}
