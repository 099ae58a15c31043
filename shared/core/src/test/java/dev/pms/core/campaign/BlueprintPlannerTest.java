package dev.pms.core.campaign;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BlueprintPlannerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final ChannelCatalog CATALOG = ChannelCatalog.load();
    private final BlueprintPlanner planner = new BlueprintPlanner(CATALOG);

    private BlueprintPlanner.Plan plan(Goal goal, List<Channel> channels) {
        return planner.plan(goal, channels, planner.schedule(goal, null, null, TODAY), () -> UUID.randomUUID().toString());
    }

    @Test
    void eachGoalHasItsOwnPhases() {
        Map<Goal, List<String>> names = new HashMap<>();
        for (Goal goal : Goal.values()) {
            names.put(goal, planner.schedule(goal, null, null, TODAY).stream().map(Phase::name).toList());
        }
        assertThat(names.get(Goal.PRODUCT_LAUNCH)).containsExactly("teaser", "launch", "nurture");
        assertThat(names.get(Goal.AWARENESS)).containsExactly("discover", "amplify", "sustain");
        assertThat(names.get(Goal.CONVERSION)).containsExactly("consideration", "conversion", "retargeting");
        assertThat(names.get(Goal.RETENTION)).containsExactly("onboarding", "engagement", "loyalty");
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void phasesRunBackToBackFromTodayWithMatchingDurations(Goal goal) {
        List<Phase> phases = planner.schedule(goal, null, null, TODAY);
        assertThat(phases.get(0).startDate()).isEqualTo(TODAY);
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            assertThat(phase.purpose()).isNotBlank();
            assertThat(phase.durationDays()).isPositive();
            assertThat(phase.endDate()).isEqualTo(phase.startDate().plusDays(phase.durationDays() - 1L));
            if (i > 0) {
                assertThat(phase.startDate()).isEqualTo(phases.get(i - 1).endDate().plusDays(1));
            }
        }
    }

    @Test
    void launchDateAnchorsTheLaunchPhaseAndTheTeaserRunsBeforeIt() {
        LocalDate launch = LocalDate.of(2027, 1, 12);
        List<Phase> phases = planner.schedule(Goal.PRODUCT_LAUNCH, null, launch, TODAY);
        assertThat(phases.get(1).startDate()).isEqualTo(launch);
        assertThat(phases.get(0).endDate()).isEqualTo(launch.minusDays(1));
        assertThat(phases.get(0).durationDays()).isEqualTo(BlueprintPlanner.firstPhaseDefaultDays(Goal.PRODUCT_LAUNCH));

        List<Phase> withStart = planner.schedule(Goal.PRODUCT_LAUNCH, LocalDate.of(2027, 1, 1), launch, TODAY);
        assertThat(withStart.get(0).startDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(withStart.get(0).durationDays()).isEqualTo(11);
        assertThat(withStart.get(1).startDate()).isEqualTo(launch);
    }

    @Test
    void otherGoalsStartOnTheStartDateElseTheLaunchDate() {
        LocalDate start = LocalDate.of(2027, 2, 1);
        assertThat(planner.schedule(Goal.AWARENESS, start, LocalDate.of(2027, 3, 1), TODAY).get(0).startDate()).isEqualTo(start);
        assertThat(planner.schedule(Goal.CONVERSION, null, start, TODAY).get(0).startDate()).isEqualTo(start);
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void everyGraphIsWellFormed(Goal goal) {
        BlueprintPlanner.Plan plan = plan(goal, List.of(Channel.values()));
        List<AssetNode> nodes = plan.assetNodes();
        Map<String, AssetNode> byId = nodes.stream().collect(Collectors.toMap(AssetNode::assetId, Function.identity()));
        Map<String, Phase> phases = plan.phases().stream().collect(Collectors.toMap(Phase::name, Function.identity()));

        assertThat(byId).hasSameSizeAs(nodes);
        assertThat(nodes).allSatisfy(node -> {
            assertThat(UUID.fromString(node.assetId())).isNotNull();
            assertThat(node.status()).isEqualTo(NodeStatus.PLANNED);
            assertThat(node.title()).isNotBlank();
            Placement placement = CATALOG.placement(node.placement()).orElseThrow();
            assertThat(placement.channel()).isEqualTo(node.channel());
            boolean ingredientOfVideo = placement.assetType() == AssetType.VIDEO && node.assetType() != AssetType.TEXT;
            assertThat(node.assetType() == placement.assetType() || ingredientOfVideo).as(node.title()).isTrue();

            Phase phase = phases.get(node.phase());
            assertThat(node.dueDate()).isBetween(phase.startDate(), phase.endDate());
            for (String dependency : node.dependsOn()) {
                AssetNode required = byId.get(dependency);
                assertThat(required).as("dependency of " + node.title()).isNotNull();
                assertThat(required.phase()).isEqualTo(node.phase());
                assertThat(required.dueDate()).as(node.title()).isBefore(node.dueDate());
            }
        });
        assertThat(hasCycle(byId)).isFalse();
        assertThat(nodes.stream().map(AssetNode::channel).collect(Collectors.toSet())).containsExactlyInAnyOrder(Channel.values());
        assertThat(nodes.stream().map(AssetNode::phase).collect(Collectors.toSet())).isEqualTo(phases.keySet());
    }

    @Test
    void instagramLaunchHasFeedImageCaptionOnItAndReelOnItsKeyFrame() {
        List<AssetNode> launch = plan(Goal.PRODUCT_LAUNCH, List.of(Channel.INSTAGRAM)).assetNodes().stream()
                .filter(n -> n.phase().equals("launch")).toList();
        AssetNode feed = single(launch, "instagram/feed_portrait");
        AssetNode caption = single(launch, "instagram/caption");
        AssetNode reel = single(launch, "instagram/reel");
        AssetNode cover = single(launch, "instagram/reel_cover");
        assertThat(feed.assetType()).isEqualTo(AssetType.IMAGE);
        assertThat(caption.assetType()).isEqualTo(AssetType.TEXT);
        assertThat(caption.dependsOn()).containsExactly(feed.assetId());
        assertThat(reel.assetType()).isEqualTo(AssetType.VIDEO);
        assertThat(cover.assetType()).isEqualTo(AssetType.IMAGE);
        assertThat(reel.dependsOn()).containsExactly(cover.assetId());
    }

    @Test
    void everyVideoDependsOnAKeyFrameImage() {
        List<AssetNode> nodes = plan(Goal.AWARENESS, List.of(Channel.values())).assetNodes();
        Map<String, AssetNode> byId = nodes.stream().collect(Collectors.toMap(AssetNode::assetId, Function.identity()));
        List<AssetNode> videos = nodes.stream().filter(n -> n.assetType() == AssetType.VIDEO).toList();
        assertThat(videos).isNotEmpty().allSatisfy(video -> assertThat(video.dependsOn())
                .anySatisfy(id -> assertThat(byId.get(id).assetType()).isEqualTo(AssetType.IMAGE)));
    }

    @Test
    void channelKitsMatchTheBrief() {
        List<AssetNode> launch = plan(Goal.PRODUCT_LAUNCH, List.of(Channel.values())).assetNodes().stream()
                .filter(n -> n.phase().equals("launch")).toList();
        List<AssetNode> youtubeVideo = launch.stream().filter(n -> n.placement().equals("youtube/video")).toList();
        AssetNode video = ofType(youtubeVideo, AssetType.VIDEO);
        AssetNode presenter = ofType(youtubeVideo, AssetType.AVATAR);
        assertThat(video.dependsOn()).containsExactly(single(launch, "youtube/thumbnail").assetId(), presenter.assetId());
        assertThat(presenter.dependsOn()).containsExactly(ofType(youtubeVideo, AssetType.AUDIO).assetId());
        assertThat(single(launch, "youtube/video_copy").dependsOn()).containsExactly(video.assetId());

        assertThat(placementsOf(launch, Channel.EMAIL)).contains("email/banner", "email/copy");
        assertThat(placementsOf(launch, Channel.AMAZON)).contains("amazon/main_image", "amazon/aplus_header_text",
                "amazon/aplus_three_images", "amazon/bullets");
        assertThat(single(launch, "amazon/bullets").dependsOn()).containsExactly(single(launch, "amazon/main_image").assetId());
        assertThat(launch.stream().filter(n -> n.placement().equals("shopify/product_image"))).hasSize(2);
        assertThat(single(launch, "shopify/description").dependsOn()).hasSize(2);
        assertThat(placementsOf(launch, Channel.LINKEDIN)).containsExactly("linkedin/post_landscape", "linkedin/post_copy");
        assertThat(placementsOf(launch, Channel.TIKTOK)).containsExactly("tiktok/cover", "tiktok/video", "tiktok/caption");
        assertThat(placementsOf(launch, Channel.TWITTER)).containsExactly("twitter/post_image", "twitter/post_copy");
        assertThat(placementsOf(launch, Channel.PINTEREST)).containsExactly("pinterest/pin", "pinterest/pin_copy");
        assertThat(placementsOf(launch, Channel.GOOGLE_ADS)).contains("google_ads/display_landscape",
                "google_ads/display_square", "google_ads/search_copy");
        assertThat(placementsOf(launch, Channel.META_ADS)).contains("meta_ads/feed", "meta_ads/copy");
    }

    @Test
    void aFullLaunchUsesEveryAssetType() {
        assertThat(plan(Goal.PRODUCT_LAUNCH, List.of(Channel.values())).assetNodes().stream().map(AssetNode::assetType)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(AssetType.values());
    }

    @Test
    void teaserAsksForFewerAssetsThanTheLaunch() {
        Map<String, Long> perPhase = plan(Goal.PRODUCT_LAUNCH, List.of(Channel.values())).assetNodes().stream()
                .collect(Collectors.groupingBy(AssetNode::phase, Collectors.counting()));
        assertThat(perPhase.get("teaser")).isLessThan(perPhase.get("launch"));
        assertThat(perPhase.get("nurture")).isLessThan(perPhase.get("launch"));
    }

    @Test
    void retentionLeansOnEmailInEveryPhase() {
        List<Channel> channels = List.of(Channel.EMAIL, Channel.INSTAGRAM);
        List<AssetNode> retention = plan(Goal.RETENTION, channels).assetNodes();
        List<AssetNode> launch = plan(Goal.PRODUCT_LAUNCH, channels).assetNodes();
        for (String phase : List.of("onboarding", "engagement", "loyalty")) {
            assertThat(retention).filteredOn(n -> n.phase().equals(phase) && n.channel() == Channel.EMAIL)
                    .extracting(AssetNode::placement).contains("email/banner", "email/product", "email/copy");
        }
        assertThat(retention.stream().filter(n -> n.channel() == Channel.INSTAGRAM).count())
                .isLessThan(launch.stream().filter(n -> n.channel() == Channel.INSTAGRAM).count());
        assertThat(retention.stream().filter(n -> n.channel() == Channel.EMAIL).count())
                .isGreaterThan(launch.stream().filter(n -> n.channel() == Channel.EMAIL).count());
    }

    @Test
    void replanKeepsIdsAndStatusOfNodesThatSurvive() {
        List<Phase> phases = planner.schedule(Goal.PRODUCT_LAUNCH, null, null, TODAY);
        BlueprintPlanner.Plan first = planner.plan(Goal.PRODUCT_LAUNCH, List.of(Channel.INSTAGRAM, Channel.TIKTOK), phases,
                () -> UUID.randomUUID().toString());
        List<AssetNode> advanced = first.assetNodes().stream()
                .map(n -> n.placement().equals("instagram/feed_portrait") ? n.withStatus(NodeStatus.APPROVED) : n).toList();

        BlueprintPlanner.Plan second = planner.replan(Goal.PRODUCT_LAUNCH, List.of(Channel.INSTAGRAM, Channel.LINKEDIN),
                phases, 1, advanced, () -> UUID.randomUUID().toString());

        Set<String> instagramBefore = ids(first.assetNodes(), Channel.INSTAGRAM);
        assertThat(ids(second.assetNodes(), Channel.INSTAGRAM)).isEqualTo(instagramBefore);
        assertThat(second.assetNodes()).filteredOn(n -> n.placement().equals("instagram/feed_portrait"))
                .extracting(AssetNode::status).containsOnly(NodeStatus.APPROVED);
        assertThat(second.assetNodes()).noneMatch(n -> n.channel() == Channel.TIKTOK);
        assertThat(ids(second.assetNodes(), Channel.LINKEDIN)).isNotEmpty().doesNotContainAnyElementsOf(instagramBefore);
        AssetNode launchCaption = second.assetNodes().stream()
                .filter(n -> n.phase().equals("launch") && n.placement().equals("instagram/caption")).findFirst().orElseThrow();
        AssetNode launchFeed = second.assetNodes().stream()
                .filter(n -> n.phase().equals("launch") && n.placement().equals("instagram/feed_portrait")).findFirst().orElseThrow();
        assertThat(launchCaption.dependsOn()).containsExactly(launchFeed.assetId());
    }

    @Test
    void aOneDayTeaserStillKeepsEveryDueDateInsideIt() {
        List<Phase> phases = planner.schedule(Goal.PRODUCT_LAUNCH, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 2), TODAY);
        assertThat(phases.get(0).durationDays()).isEqualTo(1);
        List<AssetNode> teaser = planner.plan(Goal.PRODUCT_LAUNCH, List.of(Channel.TIKTOK), phases,
                () -> UUID.randomUUID().toString()).assetNodes().stream().filter(n -> n.phase().equals("teaser")).toList();
        assertThat(teaser).isNotEmpty().allSatisfy(n -> assertThat(n.dueDate()).isEqualTo(LocalDate.of(2027, 1, 1)));
    }

    private static AssetNode single(List<AssetNode> nodes, String placement) {
        List<AssetNode> matching = nodes.stream().filter(n -> n.placement().equals(placement)).toList();
        assertThat(matching).as(placement).hasSize(1);
        return matching.get(0);
    }

    private static AssetNode ofType(List<AssetNode> nodes, AssetType type) {
        List<AssetNode> matching = nodes.stream().filter(n -> n.assetType() == type).toList();
        assertThat(matching).as(type.code()).hasSize(1);
        return matching.get(0);
    }

    private static List<String> placementsOf(List<AssetNode> nodes, Channel channel) {
        return nodes.stream().filter(n -> n.channel() == channel).map(AssetNode::placement).toList();
    }

    private static Set<String> ids(List<AssetNode> nodes, Channel channel) {
        return nodes.stream().filter(n -> n.channel() == channel).map(AssetNode::assetId).collect(Collectors.toSet());
    }

    private static boolean hasCycle(Map<String, AssetNode> byId) {
        for (String id : byId.keySet()) {
            if (reachesItself(id, id, byId, new HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    private static boolean reachesItself(String start, String current, Map<String, AssetNode> byId, Set<String> seen) {
        for (String next : byId.get(current).dependsOn()) {
            if (next.equals(start)) {
                return true;
            }
            if (seen.add(next) && reachesItself(start, next, byId, seen)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void abVariantsMultiplyEachDeliverableAndEachVariantDependsOnItsOwnCounterparts() {
        List<Phase> phases = planner.schedule(Goal.PRODUCT_LAUNCH, null, null, TODAY);
        BlueprintPlanner.Plan single = planner.plan(Goal.PRODUCT_LAUNCH, List.of(Channel.INSTAGRAM), phases,
                () -> UUID.randomUUID().toString());
        BlueprintPlanner.Plan triple = planner.plan(Goal.PRODUCT_LAUNCH, List.of(Channel.INSTAGRAM), phases, 3,
                () -> UUID.randomUUID().toString());

        assertThat(triple.assetNodes()).hasSize(3 * single.assetNodes().size());
        List<AssetNode> captions = triple.assetNodes().stream()
                .filter(n -> n.phase().equals("launch") && n.placement().equals("instagram/caption")).toList();
        List<AssetNode> feeds = triple.assetNodes().stream()
                .filter(n -> n.phase().equals("launch") && n.placement().equals("instagram/feed_portrait")).toList();
        assertThat(captions).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(captions.get(k).dependsOn()).containsExactly(feeds.get(k).assetId());
            assertThat(captions.get(k).title()).endsWith("(variant " + "ABC".charAt(k) + ")");
        }
    }

    @Test
    void aReplanKeepsEveryAbVariantsIdAndStatus() {
        List<Phase> phases = planner.schedule(Goal.PRODUCT_LAUNCH, null, null, TODAY);
        BlueprintPlanner.Plan first = planner.plan(Goal.PRODUCT_LAUNCH, List.of(Channel.INSTAGRAM), phases, 2,
                () -> UUID.randomUUID().toString());
        List<AssetNode> advanced = first.assetNodes().stream().map(n -> n.withStatus(NodeStatus.APPROVED)).toList();

        BlueprintPlanner.Plan second = planner.replan(Goal.PRODUCT_LAUNCH, List.of(Channel.INSTAGRAM, Channel.LINKEDIN),
                phases, 2, advanced, () -> UUID.randomUUID().toString());

        assertThat(ids(second.assetNodes(), Channel.INSTAGRAM)).isEqualTo(ids(first.assetNodes(), Channel.INSTAGRAM));
        assertThat(second.assetNodes()).filteredOn(n -> n.channel() == Channel.INSTAGRAM)
                .extracting(AssetNode::status).containsOnly(NodeStatus.APPROVED);
    }
}
