package dev.pms.core.campaign;

import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pure campaign-graph planning: a goal's phases on real dates, and per phase and channel the typed asset nodes
 * tied to catalogue placements, with due dates inside their phase and dependencies (caption after its image,
 * video after its key frame).
 */
public final class BlueprintPlanner {

    /** Phases and nodes of one plan. */
    public record Plan(List<Phase> phases, List<AssetNode> assetNodes) {
        public Plan {
            phases = List.copyOf(phases);
            assetNodes = List.copyOf(assetNodes);
        }
    }

    /** Checks that every placement the channel kits name is in {@code catalog}. */
    public BlueprintPlanner(ChannelCatalog catalog) {
        for (Channel channel : Channel.values()) {
            for (ChannelKits.Item item : ChannelKits.of(channel)) {
                Placement placement = catalog.requirePlacement(item.placement());
                if (placement.channel() != channel) {
                    throw new IllegalStateException(item.placement() + " is not a placement of " + channel.code());
                }
            }
        }
    }

    /** Default length of the first phase of a goal (the teaser, for a launch). */
    public static int firstPhaseDefaultDays(Goal goal) {
        return GoalPhases.of(goal).get(0).defaultDays();
    }

    /**
     * The goal's phases, back to back. A launch's launch phase starts on {@code launchDate} when given (its teaser
     * then runs from {@code startDate}, or for the default teaser length before it); otherwise the first phase starts
     * on {@code startDate}, else {@code launchDate}, else {@code defaultStart}.
     *
     * @throws IllegalArgumentException when a launch's launch date is not after its start date
     */
    public List<Phase> schedule(Goal goal, LocalDate startDate, LocalDate launchDate, LocalDate defaultStart) {
        List<GoalPhases.Template> templates = GoalPhases.of(goal);
        int firstDays = templates.get(0).defaultDays();
        LocalDate firstStart;
        if (goal == Goal.PRODUCT_LAUNCH && launchDate != null) {
            if (startDate != null) {
                firstDays = Math.toIntExact(ChronoUnit.DAYS.between(startDate, launchDate));
                if (firstDays < 1) {
                    throw new IllegalArgumentException("launch date " + launchDate + " is not after start date " + startDate);
                }
                firstStart = startDate;
            } else {
                firstStart = launchDate.minusDays(firstDays);
            }
        } else {
            firstStart = startDate != null ? startDate : launchDate != null ? launchDate : defaultStart;
        }
        List<Phase> phases = new ArrayList<>();
        LocalDate start = firstStart;
        for (int i = 0; i < templates.size(); i++) {
            GoalPhases.Template template = templates.get(i);
            int days = i == 0 ? firstDays : template.defaultDays();
            LocalDate end = start.plusDays(days - 1L);
            phases.add(new Phase(template.name(), days, template.purpose(), start, end));
            start = end.plusDays(1);
        }
        return List.copyOf(phases);
    }

    /** Plans fresh nodes with ids from {@code ids}, one of each deliverable. */
    public Plan plan(Goal goal, List<Channel> channels, List<Phase> phases, Supplier<String> ids) {
        return plan(goal, channels, phases, 1, ids);
    }

    /** Plans fresh nodes with ids from {@code ids}, {@code abVariants} A/B variants of each deliverable
     * (titled variant A, B, …). */
    public Plan plan(Goal goal, List<Channel> channels, List<Phase> phases, int abVariants, Supplier<String> ids) {
        return replan(goal, channels, phases, abVariants, List.of(), ids);
    }

    /**
     * Plans the nodes again; a node of the same phase and placement (and the same position among that phase's
     * nodes of the placement) as one in {@code previous} keeps its asset id and status. Variant k of a deliverable
     * depends on variant k of what the deliverable depends on.
     */
    public Plan replan(Goal goal, List<Channel> channels, List<Phase> phases, int abVariants, List<AssetNode> previous,
                       Supplier<String> ids) {
        Map<String, AssetNode> previousBySlot = new HashMap<>();
        Map<String, Integer> previousOccurrences = new HashMap<>();
        for (AssetNode node : previous) {
            previousBySlot.put(slotKey(node.phase(), node.placement(), previousOccurrences), node);
        }

        List<GoalPhases.Template> templates = GoalPhases.of(goal);
        List<AssetNode> nodes = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            PhaseWeight phaseWeight = templates.get(p).weight();
            for (Channel channel : channels) {
                PhaseWeight weight = GoalPhases.weight(goal, channel, phaseWeight);
                Map<String, AssetNode> bySlot = new LinkedHashMap<>();
                Map<String, Integer> depthBySlot = new HashMap<>();
                for (ChannelKits.Item item : ChannelKits.of(channel)) {
                    if (!item.weights().contains(weight)) {
                        continue;
                    }
                    for (int variant = 1; variant <= abVariants; variant++) {
                        List<String> dependsOn = new ArrayList<>();
                        int depth = 0;
                        for (String dependency : item.dependsOn()) {
                            AssetNode required = bySlot.get(variantSlot(dependency, variant));
                            if (required != null) {
                                dependsOn.add(required.assetId());
                                depth = Math.max(depth, depthBySlot.get(variantSlot(dependency, variant)) + 1);
                            }
                        }
                        AssetNode earlier = previousBySlot.get(slotKey(phase.name(), item.placement(), occurrences));
                        LocalDate due = phase.startDate().plusDays(Math.min(depth, phase.durationDays() - 1));
                        String title = capitalize(phase.name()) + ": " + item.label()
                                + (abVariants > 1 ? " (variant " + (char) ('A' + variant - 1) + ")" : "");
                        AssetNode node = new AssetNode(
                                earlier != null ? earlier.assetId() : ids.get(),
                                item.assetType(), channel, phase.name(), item.placement(), title,
                                earlier != null ? earlier.status() : NodeStatus.PLANNED,
                                due, dependsOn);
                        bySlot.put(variantSlot(item.slot(), variant), node);
                        depthBySlot.put(variantSlot(item.slot(), variant), depth);
                        nodes.add(node);
                    }
                }
            }
        }
        return new Plan(phases, nodes);
    }

    private static String variantSlot(String slot, int variant) {
        return slot + "#" + variant;
    }

    private static String slotKey(String phase, String placement, Map<String, Integer> occurrences) {
        String base = phase + "|" + placement;
        int occurrence = occurrences.merge(base, 1, Integer::sum);
        return base + "|" + occurrence;
    }

    private static String capitalize(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
