package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.CreateCampaign;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.ListCampaigns;
import dev.pms.core.campaign.PatchCampaign;
import dev.pms.core.campaign.Teaser;
import dev.pms.core.channel.Channel;
import dev.pms.core.json.Json;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Campaign request bodies and queries read into their commands, every problem of a request reported at once. A
 * request that names no channels gets the caller's persona platforms, so that their absence is reported beside
 * the request's other problems.
 */
@Singleton
public final class CampaignCommands {
    static final int MAX_KPI = 500;
    static final int MAX_CHANNELS = 12;
    static final int MAX_YEARS_FROM_TODAY = 5;
    private static final int MAX_PAGE_TOKEN_LENGTH = 2048;
    private static final Set<String> PATCHABLE = Set.of("campaign_name", "kpi", "start_date", "launch_date", "channels", "version");
    private static final String CHANNEL_CODES = Arrays.stream(Channel.values()).map(Channel::code)
            .collect(Collectors.joining(", ")) + " (x = twitter)";
    private static final String GOALS = "one of product_launch, awareness, conversion, retention";

    private final CampaignService campaigns;
    private final Clock clock;

    public CampaignCommands(CampaignService campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** The body of create-blueprint. */
    public CreateCampaign create(ApiRequest request) {
        return create(request.jsonObjectBody(), () -> campaigns.personaPlatforms(request.userId()));
    }

    /**
     * A launch campaign named "Priming" on these channels, read like any request: what SnapStart priming plans
     * and quotes in memory.
     */
    public CreateCampaign primingSample(String... channels) {
        return create(primingBody("Priming", "product_launch", channels), List::of);
    }

    /** A request with an empty name and an unknown goal, read like any request, for priming the problem path. */
    public void primingRefusal() {
        create(primingBody("", "world_domination", "instagram"), List::of);
    }

    private static JsonNode primingBody(String name, String goal, String... channels) {
        ObjectNode body = Json.mapper().createObjectNode().put("campaign_name", name).put("goal", goal);
        ArrayNode named = body.putArray("channels");
        Arrays.stream(channels).forEach(named::add);
        return body;
    }

    /** @param personaPlatforms the caller's persona platforms, used when the body names no channels */
    public CreateCampaign create(JsonNode body, Supplier<List<Channel>> personaPlatforms) {
        LocalDate today = LocalDate.now(clock);
        InputChecker check = new InputChecker();
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("campaign request");
        }
        String name = check.displayName(body.get("campaign_name"), "campaign_name", CampaignService.MAX_NAME, false);
        Goal goal = check.code(body.get("goal"), "goal", v -> Goal.parse(v).orElse(null), GOALS, true);
        String kpi = check.string(body.get("kpi"), "kpi", MAX_KPI, false);
        List<Channel> channels = channels(check, body.get("channels"));
        if (channels != null && channels.isEmpty()) {
            channels = personaPlatforms.get();
            if (channels.isEmpty()) {
                check.add("channels", "is required: name at least one channel or set persona_data.selected_platforms in the brand profile");
            }
        }
        Map<String, Object> productContext = ProductContextInput.read(check, body.get("product_context"));
        Long abVariants = check.integer(body.get("ab_variants"), "ab_variants", 1, Campaign.Plan.MAX_AB_VARIANTS, false);
        LocalDate start = date(check, body.get("start_date"), "start_date", today);
        LocalDate launch = date(check, body.get("launch_date"), "launch_date", today);
        if (goal == Goal.PRODUCT_LAUNCH && start != null && launch != null) {
            Teaser.problem(start, launch).ifPresent(problem -> check.add("launch_date", problem));
        }
        check.throwIfProblems("campaign request");
        return new CreateCampaign(name == null || name.isBlank() ? null : name.trim(), goal, kpi, channels,
                productContext, start, launch, abVariants == null ? 1 : abVariants.intValue());
    }

    /** The body of a campaign PATCH. */
    public PatchCampaign patch(ApiRequest request) {
        return patch(request.jsonObjectBody());
    }

    PatchCampaign patch(JsonNode body) {
        LocalDate today = LocalDate.now(clock);
        InputChecker check = new InputChecker();
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("campaign patch");
        }
        check.rejectUnknownKeys(body, "", PATCHABLE);
        Long version = check.integer(body.get("version"), "version", 1, Long.MAX_VALUE, true);
        String name = null;
        if (body.has("campaign_name")) {
            name = check.displayName(body.get("campaign_name"), "campaign_name", CampaignService.MAX_NAME, true);
        }
        String kpi = check.string(body.get("kpi"), "kpi", MAX_KPI, false);
        LocalDate start = requiredIfSent(check, body, "start_date", today);
        LocalDate launch = requiredIfSent(check, body, "launch_date", today);
        List<Channel> channels = null;
        if (body.has("channels")) {
            channels = channels(check, body.get("channels"));
            if (channels != null && channels.isEmpty()) {
                check.add("channels", "must name at least one channel");
            }
        }
        check.throwIfProblems("campaign patch");
        return new PatchCampaign(name == null ? null : name.trim(), body.has("kpi"), kpi, start, launch, channels,
                version);
    }

    /**
     * The query of the campaign listing: {@code status}, {@code limit} (1..200, 50 when absent) and
     * {@code next_token}.
     */
    public ListCampaigns list(ApiRequest request) {
        return list(request.queryParameter("status"), request.queryParameter("limit"),
                request.queryParameter("next_token"));
    }

    ListCampaigns list(String status, String limit, String nextToken) {
        InputChecker check = new InputChecker();
        CampaignStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            parsedStatus = CampaignStatus.parse(status).orElse(null);
            if (parsedStatus == null) {
                check.add("status", "must be one of " + Arrays.stream(CampaignStatus.values())
                        .map(CampaignStatus::code).collect(Collectors.joining(", ")));
            }
        }
        int pageSize = PageLimit.read(check, limit);
        if (nextToken != null && nextToken.length() > MAX_PAGE_TOKEN_LENGTH) {
            check.add("next_token", "is not a page token of this listing");
        }
        check.throwIfProblems("campaign listing");
        return new ListCampaigns(parsedStatus, pageSize, nextToken);
    }

    /** The distinct channels named (empty when absent or empty), or null when the value was rejected. */
    private static List<Channel> channels(InputChecker check, JsonNode node) {
        if (InputChecker.isAbsent(node)) {
            return List.of();
        }
        if (node.isArray() && node.size() > MAX_CHANNELS) {
            check.add("channels", "must name at most " + MAX_CHANNELS + " channels (got " + node.size() + ")");
            return null;
        }
        int problemsBefore = check.problems().size();
        List<Channel> named = check.list(node, "channels", MAX_CHANNELS, (item, path) ->
                check.code(item, path, v -> Channel.parse(v).orElse(null), "one of " + CHANNEL_CODES, true));
        if (named == null || check.problems().size() > problemsBefore) {
            return null;
        }
        return List.copyOf(new LinkedHashSet<>(named));
    }

    private static LocalDate requiredIfSent(InputChecker check, JsonNode body, String field, LocalDate today) {
        if (body.has(field) && body.get(field).isNull()) {
            check.add(field, "must be an ISO date (YYYY-MM-DD), not null");
            return null;
        }
        return date(check, body.get(field), field, today);
    }

    private static LocalDate date(InputChecker check, JsonNode node, String field, LocalDate today) {
        LocalDate date = check.date(node, field);
        if (date != null && (date.isBefore(today.minusYears(MAX_YEARS_FROM_TODAY))
                || date.isAfter(today.plusYears(MAX_YEARS_FROM_TODAY)))) {
            check.add(field, "must be within " + MAX_YEARS_FROM_TODAY + " years of today (" + today + ")");
            return null;
        }
        return date;
    }
}
