package dev.pms.core.personalization;

import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.studio.StudioTemplate;
import dev.pms.core.studio.StudioTemplates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recommends templates, channels and asset types from what was learned (channels planned, goals, studio settings and
 * templates used, what performed), with the Brand DNA filling whatever was not learned; and says why in one sentence
 * that names the evidence.
 */
final class Recommender {
    static final int MAX_CHANNELS = 5;
    static final int MAX_TEMPLATES = 5;
    static final int MAX_ASSET_TYPES = 4;
    private static final double GOAL_MATCH = 1.5;
    private static final double LEARNED_SETTING_MATCH = 0.75;
    private static final double DNA_SETTING_MATCH = 0.25;
    private static final double TEMPLATE_USED = 2.0;
    private static final double ASSET_TYPE_USED = 0.5;

    private final StudioTemplates templates;
    private final ChannelCatalog catalog;
    private final int minEvents;

    Recommender(StudioTemplates templates, ChannelCatalog catalog, int minEvents) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.minEvents = minEvents;
    }

    Recommendations recommend(LearnedPreferences learned, BrandDefaults brand) {
        Map<String, Learned<Object>> campaign = FormDefaults.of(FormType.CAMPAIGN_CREATOR, brand, learned);
        List<String> channels = channels(campaign.get("channels"), learned.performingChannels());
        String goal = String.valueOf(campaign.get("goal").value());
        List<String> assetTypes = assetTypes(learned, channels);
        List<String> picked = templates(learned, brand, channels, goal, assetTypes);
        boolean fromLearning = learned.channels() != null || learned.goal() != null || !learned.formSettings().isEmpty()
                || learned.performingChannels() != null || !learned.templateUse().isEmpty();
        String reasoning = fromLearning ? learnedReasoning(learned, channels, goal, picked)
                : dnaReasoning(learned, campaign, channels, goal, brand);
        return new Recommendations(picked, channels, assetTypes, reasoning, fromLearning);
    }

    @SuppressWarnings("unchecked")
    private static List<String> channels(Learned<Object> planned, Learned<List<String>> performing) {
        List<String> channels = new ArrayList<>((List<String>) planned.value());
        if (performing != null) {
            List<String> ranking = performing.value();
            channels.sort(Comparator.comparingInt(channel -> ranking.contains(channel) ? ranking.indexOf(channel)
                    : ranking.size()));
            if (!ranking.isEmpty() && !channels.contains(ranking.get(0))) {
                channels.add(0, ranking.get(0));
            }
        }
        return channels.stream().limit(MAX_CHANNELS).toList();
    }

    /** Types the user makes most, then the types the recommended channels' placements take. */
    private List<String> assetTypes(LearnedPreferences learned, List<String> channels) {
        Set<String> types = new LinkedHashSet<>();
        learned.assetTypeUse().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> types.add(entry.getKey()));
        Map<String, Integer> byPlacements = new LinkedHashMap<>();
        for (String code : channels) {
            Channel.parse(code).ifPresent(channel -> {
                for (Placement placement : catalog.placements(channel)) {
                    byPlacements.merge(placement.assetType().code(), 1, Integer::sum);
                }
            });
        }
        byPlacements.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> types.add(entry.getKey()));
        return types.stream().limit(MAX_ASSET_TYPES).toList();
    }

    private List<String> templates(LearnedPreferences learned, BrandDefaults brand, List<String> channels, String goal,
                                   List<String> assetTypes) {
        Map<String, Double> scores = new LinkedHashMap<>();
        double mostUsed = learned.templateUse().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        for (StudioTemplate template : templates.all()) {
            double score = 0;
            for (int rank = 0; rank < channels.size(); rank++) {
                if (template.suits(channels.get(rank))) {
                    score += Math.max(0.4, 1.0 - 0.15 * rank);
                }
            }
            if (template.suits(goal)) {
                score += GOAL_MATCH;
            }
            score += TEMPLATE_USED * learned.templateUse().getOrDefault(template.id(), 0.0) / mostUsed;
            FormType form = FormType.ofTemplate(template);
            Map<String, Learned<Object>> defaults = FormDefaults.of(form, brand, learned);
            for (Map.Entry<String, Object> setting : template.settings().entrySet()) {
                Learned<Object> value = defaults.get(setting.getKey());
                if (value != null && Objects.equals(String.valueOf(value.value()), String.valueOf(setting.getValue()))) {
                    score += value.learned() ? LEARNED_SETTING_MATCH : DNA_SETTING_MATCH;
                }
            }
            if (form.assetType() != null && assetTypes.indexOf(form.assetType().code()) == 0
                    && !learned.assetTypeUse().isEmpty()) {
                score += ASSET_TYPE_USED;
            }
            scores.put(template.id(), score);
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_TEMPLATES).map(Map.Entry::getKey).toList();
    }

    private static String learnedReasoning(LearnedPreferences learned, List<String> channels, String goal,
                                           List<String> picked) {
        List<String> evidence = new ArrayList<>();
        if (learned.channels() != null) {
            evidence.add("you plan on " + String.join(", ", learned.channels().value()) + " ("
                    + learned.channels().note() + ")");
        }
        if (learned.goal() != null) {
            evidence.add("mostly for " + goal.replace('_', ' ') + " (" + learned.goal().note() + ")");
        }
        learned.formSettings().forEach((form, fields) -> {
            List<String> looks = new ArrayList<>();
            fields.forEach((field, value) -> {
                if (!field.equals("template_id") && looks.size() < 2) {
                    looks.add(field.replace('_', ' ') + " " + value.value());
                }
            });
            if (!looks.isEmpty()) {
                Learned<Object> first = fields.values().iterator().next();
                evidence.add("your " + form.code().replace("product_", "").replace('_', ' ') + " settings favour "
                        + String.join(" and ", looks) + " (" + first.note() + ")");
            }
        });
        if (learned.performingChannels() != null) {
            evidence.add(learned.performingChannels().value().get(0) + " performed best ("
                    + learned.performingChannels().note() + ")");
        }
        if (!learned.templateUse().isEmpty()) {
            String top = learned.templateUse().entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse("");
            evidence.add("you used the " + top + " template most");
        }
        return "From your last " + learned.history().events() + " actions: " + String.join("; ", evidence)
                + ". So " + String.join(", ", picked.stream().limit(3).toList()) + " lead the templates, for "
                + String.join(", ", channels) + ".";
    }

    private String dnaReasoning(LearnedPreferences learned, Map<String, Learned<Object>> campaign,
                                List<String> channels, String goal, BrandDefaults brand) {
        int events = learned.history().events();
        String history = events == 0 ? "No activity to learn from yet"
                : "Too little activity to learn from yet (" + events + (events == 1 ? " action" : " actions")
                + "; " + minEvents + " of a kind are needed)";
        return history + ", so these follow your Brand DNA: " + String.join(", ", channels) + " from "
                + campaign.get("channels").note().toLowerCase(Locale.ROOT) + ", the " + goal.replace('_', ' ')
                + " goal and a " + brand.lookName() + " look, with the templates that suit them.";
    }
}
