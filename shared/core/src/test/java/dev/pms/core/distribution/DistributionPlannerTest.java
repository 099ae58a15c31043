package dev.pms.core.distribution;

import dev.pms.core.support.CampaignBuilder;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.pms.core.support.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class DistributionPlannerTest {
    /** Monday 2026-12-07 to Sunday 2026-12-13. */
    private static final Phase LAUNCH = new Phase("launch", 7, "launch", LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final DistributionPlanner planner = new DistributionPlanner(PostingRules.load());

    @Test
    void everyPostLandsInsideItsPhaseOnAPostingDayInsideTheChannelsWindow() {
        List<AssetNode> nodes = List.of(node("a", Channel.LINKEDIN, LocalDate.of(2026, 12, 7)),
                node("b", Channel.INSTAGRAM, LocalDate.of(2026, 12, 12)), node("c", Channel.EMAIL, LocalDate.of(2026, 12, 9)));

        DistributionPlanner.Plan plan = planner.plan(campaign(nodes), nodes, Map.of(), TODAY, ZoneOffset.UTC);

        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.posts()).hasSize(3);
        for (ScheduledPost post : plan.posts()) {
            LocalDate day = post.publishAt().toLocalDate();
            assertThat(day).isBetween(LAUNCH.startDate(), LAUNCH.endDate());
            PostingRules.Window window = PostingRules.load().rule(post.channel()).windowOn(day.getDayOfWeek());
            assertThat(window).as(post.toString()).isNotNull();
            assertThat(post.publishAt().toLocalTime()).isBetween(window.start(), window.end());
            assertThat(post.publishAt().getMinute() % 5).isZero();
        }
        ScheduledPost linkedin = post(plan, "a");
        assertThat(linkedin.publishAt().toLocalDate().getDayOfWeek()).as("LinkedIn posts Tue-Thu, from the due date on")
                .isEqualTo(DayOfWeek.TUESDAY);
        assertThat(post(plan, "b").publishAt().toLocalDate()).as("due Saturday: Instagram's last weekday before it")
                .isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void theDailyMaximumSpreadsPostsOverDaysAndWarnsWhenThePhaseRunsOut() {
        List<AssetNode> nodes = List.of(node("a", Channel.LINKEDIN, LAUNCH.startDate()), node("b", Channel.LINKEDIN, LAUNCH.startDate()),
                node("c", Channel.LINKEDIN, LAUNCH.startDate()), node("d", Channel.LINKEDIN, LAUNCH.startDate()));

        DistributionPlanner.Plan plan = planner.plan(campaign(nodes), nodes, Map.of(), TODAY, ZoneOffset.UTC);

        assertThat(plan.posts()).extracting(p -> p.publishAt().toLocalDate()).containsExactly(
                LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 10));
        assertThat(plan.posts().get(1).publishAt()).as("the extra post of a day starts later in its window")
                .isAfter(plan.posts().get(0).publishAt());
        assertThat(plan.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("cadence");
            assertThat(w.assetId()).isEqualTo("d");
            assertThat(w.message()).contains("LinkedIn allows 1 post(s) a day");
        });
    }

    @Test
    void anotherCampaignOnTheSameChannelAndDayMovesThePostOrIsWarnedAbout() {
        List<AssetNode> nodes = List.of(node("a", Channel.LINKEDIN, LocalDate.of(2026, 12, 8)));
        Map<ChannelDay, List<String>> others = Map.of(
                new ChannelDay(Channel.LINKEDIN, LocalDate.of(2026, 12, 8)), List.of("Winter sale"));

        DistributionPlanner.Plan moved = planner.plan(campaign(nodes), nodes, others, TODAY, ZoneOffset.UTC);
        assertThat(moved.posts().get(0).publishAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(moved.warnings()).isEmpty();

        Map<ChannelDay, List<String>> everyDay = Map.of(
                new ChannelDay(Channel.LINKEDIN, LocalDate.of(2026, 12, 8)), List.of("Winter sale"),
                new ChannelDay(Channel.LINKEDIN, LocalDate.of(2026, 12, 9)), List.of("Winter sale"),
                new ChannelDay(Channel.LINKEDIN, LocalDate.of(2026, 12, 10)), List.of("Winter sale"));
        DistributionPlanner.Plan collided = planner.plan(campaign(nodes), nodes, everyDay, TODAY, ZoneOffset.UTC);
        assertThat(collided.posts().get(0).publishAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(collided.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("collision");
            assertThat(w.message()).contains("Winter sale").contains("2 post(s) that day, max 1");
        });
    }

    @Test
    void aPassedPhaseIsScheduledFromTodayAndTheTimeZoneIsTheAudiences() {
        List<AssetNode> nodes = List.of(node("a", Channel.LINKEDIN, LAUNCH.startDate()));
        LocalDate later = LocalDate.of(2026, 12, 20);

        DistributionPlanner.Plan plan = planner.plan(campaign(nodes), nodes, Map.of(), later, ZoneId.of("Europe/Berlin"));

        assertThat(plan.warnings()).extracting(ScheduleWarning::kind).containsExactly("phase_passed");
        assertThat(plan.posts().get(0).publishAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(plan.posts().get(0).publishAt().toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(plan.posts().get(0).publishAt().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    }

    @Test
    void anImageAndTheCaptionWrittenForItAreOnePostInOneSlotCountedOnce() {
        AssetNode image = node("a", Channel.LINKEDIN, LAUNCH.startDate());
        AssetNode caption = new AssetNode("b", AssetType.TEXT, Channel.LINKEDIN, "launch", "linkedin/post_copy",
                "Launch copy", NodeStatus.APPROVED_FOR_PUBLISH, LAUNCH.startDate().plusDays(1), List.of("a"));
        AssetNode other = node("c", Channel.LINKEDIN, LAUNCH.startDate());
        List<AssetNode> nodes = List.of(image, caption, other);

        DistributionPlanner.Plan plan = planner.plan(campaign(nodes), nodes, Map.of(), TODAY, ZoneOffset.UTC);

        assertThat(post(plan, "a").publishAt()).isEqualTo(post(plan, "b").publishAt());
        assertThat(post(plan, "a").postId()).isEqualTo("b");
        assertThat(post(plan, "b").postId()).isEqualTo("b");
        assertThat(post(plan, "c").postId()).isEqualTo("c");
        assertThat(post(plan, "a").publishAt().toLocalDate()).as("not before the caption is due")
                .isAfterOrEqualTo(caption.dueDate());
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void everyChannelHasASourcedRule() {
        for (Channel channel : Channel.values()) {
            PostingRules.ChannelRule rule = PostingRules.load().rule(channel);
            assertThat(rule.source()).as(channel.code()).isNotBlank();
            assertThat(rule.maxPostsPerDay()).isPositive();
        }
    }

    private static ScheduledPost post(DistributionPlanner.Plan plan, String assetId) {
        return plan.posts().stream().filter(p -> p.assetId().equals(assetId)).findFirst().orElseThrow();
    }

    static AssetNode node(String id, Channel channel, LocalDate due) {
        String placement = switch (channel) {
            case LINKEDIN -> "linkedin/post_landscape";
            case INSTAGRAM -> "instagram/feed_portrait";
            default -> "email/banner";
        };
        return new AssetNode(id, AssetType.IMAGE, channel, "launch", placement, "Launch " + id,
                NodeStatus.APPROVED_FOR_PUBLISH, due, List.of());
    }

    static Campaign campaign(List<AssetNode> nodes) {
        return CampaignBuilder.campaign("c1", "alice").named("Aurora launch").goal(Goal.PRODUCT_LAUNCH)
                .channels(Channel.LINKEDIN, Channel.INSTAGRAM, Channel.EMAIL).phases(List.of(LAUNCH)).nodes(nodes)
                .status(CampaignStatus.READY).dates(LAUNCH.startDate(), LAUNCH.startDate()).at(NOW).build();
    }
}
