package dev.pms.core.campaign;

import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.common.Ids;
import dev.pms.core.common.Page;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.personalization.PreferenceSignals;
import dev.pms.core.personalization.Signal;
import dev.pms.core.validation.FieldProblems;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Application service behind the campaign routes; requests arrive as checked commands. */
public final class CampaignService {
    /** The longest campaign name. */
    public static final int MAX_NAME = 200;
    /** The change log keeps the most recent entries only, so a campaign item stays small. */
    public static final int MAX_CHANGES_KEPT = 50;

    private final CampaignRepository campaigns;
    private final BrandProfileRepository profiles;
    private final BlueprintPlanner planner;
    private final Clock clock;
    private final Supplier<String> idGenerator;
    private final PreferenceSignals signals;

    public CampaignService(CampaignRepository campaigns, BrandProfileRepository profiles, ChannelCatalog catalog,
                           Clock clock, Supplier<String> idGenerator) {
        this(campaigns, profiles, catalog, clock, idGenerator, PreferenceSignals.NONE);
    }

    /** @param signals where the channels and goal picked, and channel changes, are reported for personalization */
    public CampaignService(CampaignRepository campaigns, BrandProfileRepository profiles, ChannelCatalog catalog,
                           Clock clock, Supplier<String> idGenerator, PreferenceSignals signals) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.planner = new BlueprintPlanner(Objects.requireNonNull(catalog, "catalog"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
    }

    /**
     * Plans the graph and stores the new campaign (status draft, version 1). The channels and goal picked are
     * reported to personalization first, so that write runs beside the campaign's own.
     */
    public Campaign createBlueprint(String userId, CreateCampaign request) {
        Campaign campaign = preview(userId, request);
        signals.record(userId, Signal.blueprintCreated(campaign.channels(), campaign.goal(), campaign.createdAt()));
        campaigns.create(campaign);
        return campaign;
    }

    /**
     * Plans the graph exactly as {@link #createBlueprint} would, without storing it (what pre-flight quotes for a
     * campaign that does not exist yet).
     */
    public Campaign preview(String userId, CreateCampaign create) {
        requireUser(userId);
        LocalDate today = LocalDate.now(clock);
        List<Phase> phases = planner.schedule(create.goal(), create.startDate(), create.launchDate(), today);
        BlueprintPlanner.Plan plan = planner.plan(create.goal(), create.channels(), phases, create.abVariants(), idGenerator);
        Instant now = clock.instant();
        String name = create.campaignName() != null ? create.campaignName()
                : defaultName(create.goal(), create.productContext(), today);
        return Campaign.drafted(idGenerator.get(), userId,
                new Campaign.Brief(name, create.goal(), create.kpi(), create.channels()),
                new Campaign.Plan(plan.phases(), plan.assetNodes(), create.productContext(), create.abVariants()),
                new Campaign.Schedule(phases.get(0).startDate(),
                        effectiveLaunchDate(create.goal(), phases, create.launchDate())),
                now);
    }

    /**
     * The channels a campaign request that names none gets: the platforms picked in the caller's brand profile
     * (persona data), each once; empty when there are none.
     */
    public List<Channel> personaPlatforms(String userId) {
        return profiles.find(userId)
                .map(StoredBrandProfile::profile)
                .map(BrandProfile::personaData)
                .map(BrandProfile.PersonaData::selectedPlatforms)
                .map(platforms -> List.copyOf(new LinkedHashSet<>(platforms)))
                .orElse(List.of());
    }

    /** @throws NotFoundException when the caller has no such campaign */
    public Campaign get(String userId, String campaignId) {
        requireUser(userId);
        return find(userId, campaignId);
    }

    /** One page of the caller's campaigns, newest first. */
    public Page<Campaign> list(String userId, ListCampaigns query) {
        requireUser(userId);
        return campaigns.list(userId, query.status(), query.limit(), query.nextToken());
    }

    /**
     * Applies a patch of campaign_name, kpi, start_date, launch_date and channels at the given {@code version};
     * re-plans the graph when channels or dates change and records the change.
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws VersionConflictException when {@code version} is not the stored one
     * @throws dev.pms.core.error.ValidationException when the dates leave a launch's teaser too short or too long
     */
    public Campaign update(String userId, String campaignId, PatchCampaign change) {
        requireUser(userId);
        Campaign current = find(userId, campaignId);
        if (current.goal() == Goal.PRODUCT_LAUNCH && change.startDate() != null && change.launchDate() != null) {
            FieldProblems problems = new FieldProblems();
            Teaser.problem(change.startDate(), change.launchDate()).ifPresent(p -> problems.add("launch_date", p));
            problems.throwIfProblems("campaign patch");
        }
        if (change.version() != current.version()) {
            throw new VersionConflictException("campaign " + campaignId + " is at version " + current.version()
                    + ", not " + change.version());
        }

        List<String> fields = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        String name = current.campaignName();
        if (change.campaignName() != null && !change.campaignName().equals(name)) {
            fields.add("campaign_name");
            summary.add("renamed to '" + change.campaignName() + "'");
            name = change.campaignName();
        }
        String kpi = current.kpi();
        if (change.kpiSent() && !Objects.equals(change.kpi(), kpi)) {
            fields.add("kpi");
            summary.add(change.kpi() == null ? "kpi cleared" : "kpi changed");
            kpi = change.kpi();
        }
        List<Channel> channels = current.channels();
        if (change.channels() != null && !change.channels().equals(channels)) {
            fields.add("channels");
            summary.add("channels " + codes(channels) + " -> " + codes(change.channels()));
            channels = change.channels();
        }
        List<Phase> phases = reschedule(current, change);
        boolean phasesMoved = !phases.equals(current.phases());
        LocalDate launchDate = effectiveLaunchDate(current.goal(), phases,
                change.launchDate() != null ? change.launchDate() : current.launchDate());
        if (change.startDate() != null && !phases.get(0).startDate().equals(current.startDate())) {
            fields.add("start_date");
        }
        if (!Objects.equals(launchDate, current.launchDate())) {
            fields.add("launch_date");
        }
        if (phasesMoved) {
            summary.add("phases " + current.phases().get(0).startDate() + ".." + last(current.phases()).endDate()
                    + " -> " + phases.get(0).startDate() + ".." + last(phases).endDate());
        }
        if (fields.isEmpty()) {
            return current;
        }

        List<AssetNode> nodes = current.assetNodes();
        if (fields.contains("channels") || phasesMoved) {
            BlueprintPlanner.Plan plan = planner.replan(current.goal(), channels, phases, current.abVariants(),
                    current.assetNodes(), idGenerator);
            nodes = plan.assetNodes();
            summary.add(replanSummary(current.assetNodes(), nodes));
        }
        Instant now = clock.instant();
        List<CampaignChange> changes = new ArrayList<>(current.changes());
        changes.add(new CampaignChange(now, userId, fields, String.join("; ", summary)));
        if (changes.size() > MAX_CHANGES_KEPT) {
            changes = new ArrayList<>(changes.subList(changes.size() - MAX_CHANGES_KEPT, changes.size()));
        }
        Campaign updated = current.withOwner(userId)
                .withBrief(new Campaign.Brief(name, current.goal(), kpi, channels))
                .withPlan(new Campaign.Plan(phases, nodes, current.productContext(), current.abVariants()))
                .withSchedule(new Campaign.Schedule(phases.get(0).startDate(), launchDate))
                .revised(now, changes);
        if (fields.contains("channels")) {
            signals.record(userId, Signal.channelsReplanned(
                    channels.stream().filter(c -> !current.channels().contains(c)).toList(),
                    current.channels().stream().filter(c -> !updated.channels().contains(c)).toList(), now));
        }
        campaigns.update(updated, current.version());
        return updated;
    }

    /** @throws NotFoundException when there was nothing of the caller's to delete */
    public void delete(String userId, String campaignId) {
        requireUser(userId);
        if (!plausibleId(campaignId) || !campaigns.delete(userId, campaignId)) {
            throw notFound(campaignId);
        }
    }

    private Campaign find(String userId, String campaignId) {
        if (!plausibleId(campaignId)) {
            throw notFound(campaignId);
        }
        return campaigns.find(userId, campaignId).orElseThrow(() -> notFound(campaignId));
    }

    /**
     * Moving one date of a launch moves the whole plan (the teaser keeps its length); sending both sets the
     * teaser between them. Other goals start on the new start date, else on the new launch date.
     */
    private List<Phase> reschedule(Campaign current, PatchCampaign change) {
        LocalDate start = change.startDate();
        LocalDate launch = change.launchDate();
        LocalDate currentStart = current.phases().get(0).startDate();
        if (start == null && launch == null) {
            return current.phases();
        }
        if (current.goal() == Goal.PRODUCT_LAUNCH) {
            long teaserDays = current.phases().get(0).durationDays();
            if (start == null) {
                start = launch.minusDays(teaserDays);
            } else if (launch == null) {
                launch = start.plusDays(teaserDays);
            }
            return planner.schedule(current.goal(), start, launch, currentStart);
        }
        return planner.schedule(current.goal(), start != null ? start : launch, null, currentStart);
    }

    private static Phase last(List<Phase> phases) {
        return phases.get(phases.size() - 1);
    }

    private static LocalDate effectiveLaunchDate(Goal goal, List<Phase> phases, LocalDate requested) {
        return goal == Goal.PRODUCT_LAUNCH ? phases.get(1).startDate() : requested;
    }

    /** The SPA's wizard may leave the name empty: "<product> launch", or the goal and the day when the product is unnamed too. */
    static String defaultName(Goal goal, Map<String, Object> productContext, LocalDate today) {
        String kind = switch (goal) {
            case PRODUCT_LAUNCH -> "launch";
            case AWARENESS -> "awareness campaign";
            case CONVERSION -> "conversion campaign";
            case RETENTION -> "retention campaign";
        };
        Object product = productContext.get("product_name");
        if (product instanceof String productName && !productName.isBlank()) {
            String named = productName.trim() + " " + kind;
            return named.length() <= MAX_NAME ? named : named.substring(0, MAX_NAME);
        }
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " of "
                + today.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
    }

    private static String replanSummary(List<AssetNode> before, List<AssetNode> after) {
        Set<String> beforeIds = new HashSet<>();
        before.forEach(node -> beforeIds.add(node.assetId()));
        long kept = after.stream().filter(node -> beforeIds.contains(node.assetId())).count();
        return "graph re-planned: " + kept + " nodes kept, " + (after.size() - kept) + " added, "
                + (before.size() - kept) + " removed";
    }

    private static String codes(List<Channel> channels) {
        return channels.stream().map(Channel::code).collect(Collectors.joining(",", "[", "]"));
    }

    private static boolean plausibleId(String campaignId) {
        return Ids.plausible(campaignId);
    }

    private static NotFoundException notFound(String campaignId) {
        return new NotFoundException(plausibleId(campaignId) ? "campaign " + campaignId + " not found" : "campaign not found");
    }

    private static void requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("the caller's user id is required");
        }
    }
}
