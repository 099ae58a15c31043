package dev.pms.core.distribution;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.channel.Channel;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.media.MediaShares;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.PresignedDownload;
import dev.pms.core.media.UserKeys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a campaign's publish schedule from its assets approved for publish (and those already scheduled), exports it
 * as iCalendar and bulk-upload CSV under the caller's prefix, stores it as a new version and moves the assets to
 * {@code scheduled}; the campaign becomes {@code active}. The exports carry each post's generated copy and lasting
 * share links to its media.
 */
public final class DistributionService {
    static final Duration DOWNLOAD_TTL = Duration.ofHours(24);
    private static final Set<NodeStatus> SCHEDULABLE = EnumSet.of(NodeStatus.APPROVED_FOR_PUBLISH, NodeStatus.SCHEDULED);
    private static final List<String> LINK_KEYS = List.of("product_url", "landing_page_url", "website_url", "url");

    private final CampaignRepository campaigns;
    private final ScheduleRepository schedules;
    private final MediaStore media;
    private final PublishableAssets publishable;
    private final MediaShares shares;
    private final DistributionPlanner planner;
    private final NodeStatusService nodeStatuses;
    private final Clock clock;

    public DistributionService(CampaignRepository campaigns, ScheduleRepository schedules, MediaStore media,
                               PublishableAssets publishable, MediaShares shares, PostingRules rules, Clock clock) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.media = Objects.requireNonNull(media, "media");
        this.publishable = Objects.requireNonNull(publishable, "publishable");
        this.shares = Objects.requireNonNull(shares, "shares");
        this.planner = new DistributionPlanner(rules);
        this.nodeStatuses = new NodeStatusService(campaigns, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Builds and stores the schedule of the campaign's assets approved for publish on the command's channels (all
     * channels when it names none), in its time zone; with channels, the latest schedule's posts on other channels
     * are carried over.
     *
     * @param shareBaseUrl the absolute URL of the media share route without its token; the exports link media there
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws ValidationException when no asset is approved for publish
     */
    public DistributionResult build(String userId, String campaignId, BuildSchedule command, String shareBaseUrl) {
        return build(userId, find(userId, campaignId), command.channels().isEmpty() ? EnumSet.noneOf(Channel.class)
                : EnumSet.copyOf(command.channels()), command.zone(), shareBaseUrl);
    }

    private DistributionResult build(String userId, Campaign campaign, Set<Channel> channels, ZoneId zone,
                                     String shareBaseUrl) {
        String campaignId = campaign.campaignId();
        List<AssetNode> nodes = campaign.assetNodes().stream()
                .filter(node -> SCHEDULABLE.contains(node.status()))
                .filter(node -> channels.isEmpty() || channels.contains(node.channel()))
                .toList();
        if (nodes.isEmpty()) {
            throw ValidationException.of("campaign", "has no asset approved for publish"
                    + (channels.isEmpty() ? "" : " on the requested channels") + "; approve reviewed assets on the board first");
        }
        Schedule previous = schedules.latest(userId, campaignId).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        DistributionPlanner.Plan plan = planner.plan(campaign, nodes, otherCampaignsPosts(userId, campaignId, zone),
                today, zone);
        List<ScheduledPost> posts = new ArrayList<>(plan.posts());
        if (previous != null && !channels.isEmpty()) {
            Set<String> live = new HashSet<>();
            campaign.assetNodes().forEach(node -> live.add(node.assetId()));
            previous.schedule().stream()
                    .filter(post -> !channels.contains(post.channel()) && live.contains(post.assetId()))
                    .forEach(posts::add);
            posts.sort(DistributionPlanner.SCHEDULE_ORDER);
        }

        long version = previous == null ? 1 : previous.version() + 1;
        Instant now = clock.instant();
        List<String> ids = posts.stream().map(ScheduledPost::assetId).toList();
        List<ExportedPost> exported = ExportedPost.of(posts, publishable.current(userId, campaignId, ids),
                storageKey -> shares.link(shareBaseUrl, storageKey));
        String prefix = "distribution/" + UserKeys.userHash(userId) + "/" + campaignId + "/v" + version + "/";
        String icsKey = prefix + "schedule.ics";
        String csvKey = prefix + "schedule.csv";
        media.put(icsKey, IcsCalendar.write(campaignId, campaign.campaignName(), version, exported, now)
                .getBytes(StandardCharsets.UTF_8), "text/calendar; charset=utf-8");
        media.put(csvKey, BulkScheduleCsv.write(exported, link(campaign))
                .getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8");
        Schedule schedule = new Schedule(campaignId, campaign.campaignName(), version, zone.getId(), posts,
                plan.warnings(), icsKey, csvKey, now);
        schedules.save(userId, schedule);

        Map<String, NodeStatus> moves = new LinkedHashMap<>();
        nodes.stream().filter(node -> node.status() == NodeStatus.APPROVED_FOR_PUBLISH)
                .forEach(node -> moves.put(node.assetId(), NodeStatus.SCHEDULED));
        nodeStatuses.move(userId, campaignId, moves, NodeStatusService.Policy.SKIP_DISALLOWED,
                c -> c.status() == CampaignStatus.ACTIVE ? c : c.withStatus(CampaignStatus.ACTIVE));

        PresignedDownload ics = media.presignDownload(icsKey, DOWNLOAD_TTL);
        PresignedDownload csv = media.presignDownload(csvKey, DOWNLOAD_TTL);
        return new DistributionResult(campaignId, version, zone.getId(), posts, plan.warnings(), ics.url(), csv.url(),
                ics.expiresAt());
    }

    /** The latest schedule of the campaign, if it has one. */
    public Optional<Schedule> latest(String userId, String campaignId) {
        return schedules.latest(userId, campaignId);
    }

    private Map<ChannelDay, List<String>> otherCampaignsPosts(String userId, String campaignId, ZoneId zone) {
        Map<ChannelDay, List<String>> others = new HashMap<>();
        for (Schedule other : schedules.latestOfEveryCampaign(userId)) {
            if (other.campaignId().equals(campaignId)) {
                continue;
            }
            Set<String> counted = new HashSet<>();
            for (ScheduledPost post : other.schedule()) {
                if (counted.add(post.postId())) {
                    others.computeIfAbsent(new ChannelDay(post.channel(),
                            post.publishAt().atZoneSameInstant(zone).toLocalDate()), key -> new ArrayList<>())
                            .add(other.campaignName());
                }
            }
        }
        return others;
    }

    private static String link(Campaign campaign) {
        for (String key : LINK_KEYS) {
            Object value = campaign.productContext().get(key);
            if (value instanceof String url && url.startsWith("http")) {
                return url;
            }
        }
        return null;
    }

    private Campaign find(String userId, String campaignId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("the caller's user id is required");
        }
        return campaigns.require(userId, campaignId);
    }
}
