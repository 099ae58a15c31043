package dev.pms.core.distribution;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.Phase;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places each post (an asset, or assets published together such as an image and its caption; see {@link PostGroups})
 * on a day inside its phase (from its due date on, then earlier days of the phase), inside the channel's posting
 * window, at most the channel's daily maximum of posts per day counting the user's other scheduled campaigns. Where
 * that cannot hold, the post is still placed and the schedule says why in a warning. Pure.
 */
public final class DistributionPlanner {
    /** When a phase is over, assets are spread from today over this many days. */
    static final int PASSED_PHASE_DAYS = 7;
    /** By time, the assets of one post next to each other. */
    static final Comparator<ScheduledPost> SCHEDULE_ORDER = Comparator.comparing(ScheduledPost::publishAt)
            .thenComparing(ScheduledPost::postId).thenComparing(ScheduledPost::assetId);

    private final PostingRules rules;

    public DistributionPlanner(PostingRules rules) {
        this.rules = rules;
    }

    public record Plan(List<ScheduledPost> posts, List<ScheduleWarning> warnings) {
        public Plan {
            posts = List.copyOf(posts);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param others names of the user's other campaigns with a post on each channel and day (one entry per post)
     * @return a slot for every node; the nodes of one post share it
     */
    public Plan plan(Campaign campaign, List<AssetNode> nodes, Map<ChannelDay, List<String>> others, LocalDate today,
                     ZoneId zone) {
        Map<ChannelDay, Integer> own = new HashMap<>();
        List<ScheduledPost> posts = new ArrayList<>();
        List<ScheduleWarning> warnings = new ArrayList<>();
        List<PostGroups.Group> ordered = PostGroups.of(nodes).stream()
                .sorted(Comparator.comparing(PostGroups.Group::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(PostGroups.Group::postId))
                .toList();
        for (PostGroups.Group post : ordered) {
            AssetNode node = post.lead();
            PostingRules.ChannelRule rule = rules.rule(node.channel());
            LocalDate from;
            LocalDate to;
            Phase phase = campaign.phases().stream().filter(p -> p.name().equals(node.phase())).findFirst().orElse(null);
            LocalDate phaseStart = phase == null ? campaign.startDate() : phase.startDate();
            LocalDate phaseEnd = phase == null ? phaseStart : phase.endDate();
            if (phaseStart == null || phaseEnd.isBefore(today)) {
                from = today;
                to = today.plusDays(PASSED_PHASE_DAYS - 1);
                warnings.add(new ScheduleWarning("phase_passed", node.assetId(), node.channel(), today,
                        "phase " + node.phase() + " ended " + phaseEnd + "; scheduled from today"));
            } else {
                from = phaseStart.isBefore(today) ? today : phaseStart;
                to = phaseEnd;
            }
            LocalDate due = post.dueDate();
            LocalDate preferred = due == null ? from : due.isBefore(from) ? from : due.isAfter(to) ? to : due;
            List<LocalDate> candidates = new ArrayList<>();
            for (LocalDate d = preferred; !d.isAfter(to); d = d.plusDays(1)) {
                candidates.add(d);
            }
            for (LocalDate d = from; d.isBefore(preferred); d = d.plusDays(1)) {
                candidates.add(d);
            }
            LocalDate day = pick(candidates, rule, own, others, true);
            if (day == null) {
                day = pick(candidates, rule, own, others, false);
            }
            if (day == null) {
                day = candidates.stream().filter(d -> rule.postsOn(d.getDayOfWeek()))
                        .min(Comparator.comparingInt(d -> count(own, rule, d))).orElse(null);
                if (day != null) {
                    warnings.add(new ScheduleWarning("cadence", node.assetId(), node.channel(), day,
                            node.channel().platformName() + " allows " + rule.maxPostsPerDay() + " post(s) a day; phase "
                                    + node.phase() + " has no day left under it"));
                }
            }
            PostingRules.Window window;
            if (day == null) {
                day = preferred;
                window = rule.windows().get(0);
                warnings.add(new ScheduleWarning("outside_window", node.assetId(), node.channel(), day,
                        "no " + node.channel().platformName() + " posting day between " + from + " and " + to));
            } else {
                window = rule.windowOn(day.getDayOfWeek());
            }
            ChannelDay key = new ChannelDay(node.channel(), day);
            int slot = own.getOrDefault(key, 0);
            own.merge(key, 1, Integer::sum);
            List<String> colliding = others.getOrDefault(key, List.of());
            if (!colliding.isEmpty()) {
                int total = colliding.size() + slot + 1;
                warnings.add(new ScheduleWarning("collision", node.assetId(), node.channel(), day,
                        "also on " + node.channel().platformName() + " that day: " + String.join(", ",
                                colliding.stream().distinct().toList()) + " (" + total + " post(s) that day, max "
                                + rule.maxPostsPerDay() + ")"));
            }
            OffsetDateTime publishAt = day.atTime(slotTime(window, slot, rule.maxPostsPerDay())).atZone(zone)
                    .toOffsetDateTime();
            for (AssetNode member : post.members()) {
                posts.add(new ScheduledPost(member.assetId(), member.channel(), member.assetType(), member.placement(),
                        member.title(), member.phase(), publishAt, post.postId()));
            }
        }
        posts.sort(SCHEDULE_ORDER);
        return new Plan(posts, warnings);
    }

    private static LocalDate pick(List<LocalDate> candidates, PostingRules.ChannelRule rule, Map<ChannelDay, Integer> own,
                                  Map<ChannelDay, List<String>> others, boolean countOthers) {
        for (LocalDate day : candidates) {
            if (!rule.postsOn(day.getDayOfWeek())) {
                continue;
            }
            int taken = count(own, rule, day)
                    + (countOthers ? others.getOrDefault(new ChannelDay(rule.channel(), day), List.of()).size() : 0);
            if (taken < rule.maxPostsPerDay()) {
                return day;
            }
        }
        return null;
    }

    private static int count(Map<ChannelDay, Integer> own, PostingRules.ChannelRule rule, LocalDate day) {
        return own.getOrDefault(new ChannelDay(rule.channel(), day), 0);
    }

    /**
     * Posts of one day are spread evenly over the window (the n-th starts n × window/max after its start), on
     * 5-minute marks as bulk schedulers require.
     */
    static LocalTime slotTime(PostingRules.Window window, int slot, int maxPerDay) {
        long windowMinutes = Duration.between(window.start(), window.end()).toMinutes();
        long step = windowMinutes / Math.max(1, maxPerDay) / 5 * 5;
        long offset = Math.min((windowMinutes - 1) / 5 * 5, step * slot);
        return window.start().plusMinutes(offset);
    }
}
