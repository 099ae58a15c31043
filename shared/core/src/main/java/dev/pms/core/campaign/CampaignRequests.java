package dev.pms.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.Channel;
import dev.pms.core.validation.InputChecker;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Validation of campaign request bodies, straight from the JSON tree, reporting every problem at once. */
final class CampaignRequests {
    static final int MAX_NAME = 200;
    static final int MAX_KPI = 500;
    static final int MAX_CHANNELS = 12;
    static final int MAX_YEARS_FROM_TODAY = 5;
    static final int MAX_TEASER_DAYS = 90;
    private static final Set<String> PATCHABLE = Set.of("campaign_name", "kpi", "start_date", "launch_date", "channels", "version");
    private static final String CHANNEL_CODES = Arrays.stream(Channel.values()).map(Channel::code)
            .collect(Collectors.joining(", ")) + " (x = twitter)";

    record Create(String campaignName, Goal goal, String kpi, List<Channel> channels, Map<String, Object> productContext,
                  LocalDate startDate, LocalDate launchDate) {
    }

    /** A patch; null fields were not sent, except {@code kpi}, which {@code kpiSent} tells apart from a clear. */
    record Patch(String campaignName, boolean kpiSent, String kpi, LocalDate startDate, LocalDate launchDate,
                 List<Channel> channels, long version) {
    }

    private CampaignRequests() {
    }

    /**
     * @param profileChannels the caller's persona platforms, used when the body names no channels
     */
    static Create create(JsonNode body, LocalDate today, Supplier<List<Channel>> profileChannels) {
        InputChecker check = new InputChecker();
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("campaign request");
        }
        String name = check.displayName(body.get("campaign_name"), "campaign_name", MAX_NAME, false);
        Goal goal = check.code(body.get("goal"), "goal", v -> Goal.parse(v).orElse(null),
                "one of product_launch, awareness, conversion, retention", true);
        String kpi = check.string(body.get("kpi"), "kpi", MAX_KPI, false);
        List<Channel> channels = channels(check, body.get("channels"));
        if (channels != null && channels.isEmpty()) {
            channels = profileChannels.get();
            if (channels.isEmpty()) {
                check.add("channels", "is required: name at least one channel or set persona_data.selected_platforms in the brand profile");
            }
        }
        Map<String, Object> productContext = ProductContextInput.read(check, body.get("product_context"));
        LocalDate start = date(check, body.get("start_date"), "start_date", today);
        LocalDate launch = date(check, body.get("launch_date"), "launch_date", today);
        if (goal == Goal.PRODUCT_LAUNCH && start != null && launch != null) {
            checkTeaser(check, start, launch);
        }
        check.throwIfProblems("campaign request");
        String named = name == null || name.isBlank() ? defaultName(goal, productContext, today) : name.trim();
        return new Create(named, goal, kpi, channels, productContext, start, launch);
    }

    static Patch patch(JsonNode body, Goal goal, LocalDate today) {
        InputChecker check = new InputChecker();
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("campaign patch");
        }
        check.rejectUnknownKeys(body, "", PATCHABLE);
        Long version = check.integer(body.get("version"), "version", 1, Long.MAX_VALUE, true);
        String name = null;
        if (body.has("campaign_name")) {
            name = check.displayName(body.get("campaign_name"), "campaign_name", MAX_NAME, true);
        }
        String kpi = check.string(body.get("kpi"), "kpi", MAX_KPI, false);
        LocalDate start = requiredIfSent(check, body, "start_date", today);
        LocalDate launch = requiredIfSent(check, body, "launch_date", today);
        if (goal == Goal.PRODUCT_LAUNCH && start != null && launch != null) {
            checkTeaser(check, start, launch);
        }
        List<Channel> channels = null;
        if (body.has("channels")) {
            channels = channels(check, body.get("channels"));
            if (channels != null && channels.isEmpty()) {
                check.add("channels", "must name at least one channel");
            }
        }
        check.throwIfProblems("campaign patch");
        return new Patch(name == null ? null : name.trim(), body.has("kpi"), kpi, start, launch, channels, version);
    }

    /** Reports a launch that is not after the start of its teaser, or a teaser longer than allowed. */
    private static void checkTeaser(InputChecker check, LocalDate start, LocalDate launch) {
        if (!launch.isAfter(start)) {
            check.add("launch_date", "must be after start_date (" + start + ") so the teaser has at least one day");
        } else if (start.plusDays(MAX_TEASER_DAYS).isBefore(launch)) {
            check.add("launch_date", "must be at most " + MAX_TEASER_DAYS + " days after start_date (" + start + ")");
        }
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

    /** The SPA's wizard may leave the name empty: "<product> launch", or the goal and the day when the product is unnamed too. */
    static String defaultName(Goal goal, Map<String, Object> productContext, LocalDate today) {
        String kind = switch (goal) {
            case PRODUCT_LAUNCH -> "launch";
            case AWARENESS -> "awareness campaign";
            case CONVERSION -> "conversion campaign";
            case RETENTION -> "retention campaign";
        };
        Object product = productContext == null ? null : productContext.get("product_name");
        if (product instanceof String productName && !productName.isBlank()) {
            String named = productName.trim() + " " + kind;
            return named.length() <= MAX_NAME ? named : named.substring(0, MAX_NAME);
        }
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " of "
                + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH));
    }
}
