package dev.pms.core.personalization;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns a user's preferences from their signals (pure). Every event counts with a weight that halves with each
 * half-life of age, so recent behaviour weighs more; a preference is learned only from at least the configured
 * minimum of events of the kinds that inform it, and carries that evidence and a confidence: how much of the weight
 * agrees with the learned value, scaled down while the evidence is thin ({@code n / (n + minimum)}).
 */
public final class PreferenceDeriver {
    /** A channel is learned when at least this share of the (weighted) campaign plans used it. */
    static final double CHANNEL_PICK_RATE = 0.5;
    /** An angle is avoided (or preferred) when at least this share of the weight on it is negative (positive). */
    static final double ANGLE_MAJORITY = 2.0 / 3.0;
    /** A push-back says less against an angle than a rejection or a request for another angle. */
    static final double PUSH_BACK_WEIGHT = 0.5;
    static final int MAX_PHRASES = 3;

    private final LearningSettings settings;

    public PreferenceDeriver(LearningSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public LearningSettings settings() {
        return settings;
    }

    public LearnedPreferences derive(List<Signal> signals, Instant now) {
        Weights weights = new Weights(settings.halfLife(), now);
        return new LearnedPreferences(
                channels(signals, weights),
                goal(signals, weights),
                hashtags(signals, weights),
                phrases(signals, weights, true),
                phrases(signals, weights, false),
                avoidedAngles(signals, weights),
                preferredAngles(signals, weights),
                formSettings(signals, weights),
                performingChannels(signals, weights),
                templateUse(signals, weights),
                assetTypeUse(signals, weights),
                history(signals));
    }

    /** {@code n / (n + minimum)} of the agreement, to two decimals. */
    double confidence(double agreement, int events) {
        double value = agreement * events / (events + (double) settings.minEvents());
        return Math.round(value * 100) / 100.0;
    }

    private Learned<List<String>> channels(List<Signal> signals, Weights weights) {
        List<Signal> events = ofKinds(signals, SignalKind.BLUEPRINT_CREATED, SignalKind.CHANNELS_REPLANNED);
        if (events.size() < settings.minEvents()) {
            return null;
        }
        Map<String, Double> picked = new LinkedHashMap<>();
        Map<String, Double> seen = new LinkedHashMap<>();
        Map<String, Integer> plansWith = new LinkedHashMap<>();
        double plans = 0;
        int planCount = 0;
        for (Signal event : events) {
            double w = weights.of(event);
            if (event.kind() == SignalKind.BLUEPRINT_CREATED) {
                plans += w;
                planCount++;
                for (String channel : event.texts(Signal.CHANNELS)) {
                    picked.merge(channel, w, Double::sum);
                    plansWith.merge(channel, 1, Integer::sum);
                }
            } else {
                event.texts(Signal.ADDED).forEach(channel -> {
                    picked.merge(channel, w, Double::sum);
                    seen.merge(channel, w, Double::sum);
                });
                event.texts(Signal.REMOVED).forEach(channel -> seen.merge(channel, w, Double::sum));
            }
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        Set<String> universe = new LinkedHashSet<>(picked.keySet());
        universe.addAll(seen.keySet());
        for (String channel : universe) {
            double denominator = plans + seen.getOrDefault(channel, 0.0);
            rates.put(channel, denominator == 0 ? 0 : picked.getOrDefault(channel, 0.0) / denominator);
        }
        List<String> chosen = rates.entrySet().stream()
                .filter(rate -> rate.getValue() >= CHANNEL_PICK_RATE)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        if (chosen.isEmpty()) {
            chosen = rates.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> List.of(e.getKey()))
                    .orElse(List.of());
        }
        if (chosen.isEmpty()) {
            return null;
        }
        double agreement = 0;
        for (Map.Entry<String, Double> rate : rates.entrySet()) {
            agreement += chosen.contains(rate.getKey()) ? rate.getValue() : 1 - rate.getValue();
        }
        agreement /= rates.size();
        int total = planCount;
        List<String> counts = chosen.stream()
                .map(channel -> channel + " in " + plansWith.getOrDefault(channel, 0) + " of " + total).toList();
        String note = "learned from your last " + events.size() + " campaign plans and channel changes ("
                + String.join(", ", counts) + " blueprints)";
        return learned(chosen, agreement, events, note);
    }

    private Learned<String> goal(List<Signal> signals, Weights weights) {
        Tally tally = new Tally();
        for (Signal event : ofKinds(signals, SignalKind.BLUEPRINT_CREATED)) {
            tally.add(event.text(Signal.GOAL), weights.of(event), event);
        }
        if (tally.events() < settings.minEvents() || tally.best() == null) {
            return null;
        }
        String note = "learned from your last " + tally.events() + " blueprints (" + tally.best() + " in "
                + tally.count(tally.best()) + ")";
        return learned(tally.best(), tally.share(), tally.signals(), note);
    }

    private Map<String, Learned<Integer>> hashtags(List<Signal> signals, Weights weights) {
        Map<String, List<Signal>> byChannel = new TreeMap<>();
        for (Signal edit : ofKinds(signals, SignalKind.PROMPT_EDITED)) {
            Double before = edit.number(Signal.HASHTAGS_BEFORE);
            Double after = edit.number(Signal.HASHTAGS_AFTER);
            if (after != null && !after.equals(before) && edit.text(Signal.CHANNEL) != null) {
                byChannel.computeIfAbsent(edit.text(Signal.CHANNEL), c -> new ArrayList<>()).add(edit);
            }
        }
        Map<String, Learned<Integer>> learned = new LinkedHashMap<>();
        byChannel.forEach((channel, edits) -> {
            if (edits.size() < settings.minEvents()) {
                return;
            }
            List<double[]> values = edits.stream()
                    .map(edit -> new double[]{edit.number(Signal.HASHTAGS_AFTER), weights.of(edit)})
                    .sorted(Comparator.comparingDouble(pair -> pair[0])).toList();
            double total = values.stream().mapToDouble(pair -> pair[1]).sum();
            double running = 0;
            int median = (int) values.get(values.size() - 1)[0];
            for (double[] pair : values) {
                running += pair[1];
                if (running >= total / 2) {
                    median = (int) pair[0];
                    break;
                }
            }
            int value = median;
            double near = values.stream().filter(pair -> Math.abs(pair[0] - value) <= 1).mapToDouble(pair -> pair[1]).sum();
            learned.put(channel, learned(value, near / total, edits,
                    "learned from " + edits.size() + " of your edits of " + channel + " prompts"));
        });
        return learned;
    }

    /** Phrases added (from edits and push-back comments) or, with {@code added} false, removed from prompts. */
    private Learned<List<String>> phrases(List<Signal> signals, Weights weights, boolean added) {
        Map<String, Tally> byPhrase = new LinkedHashMap<>();
        Map<String, String> wording = new LinkedHashMap<>();
        for (Signal signal : signals) {
            List<String> phrases = new ArrayList<>();
            if (signal.kind() == SignalKind.PROMPT_EDITED) {
                phrases.addAll(signal.texts(added ? Signal.PHRASES_ADDED : Signal.PHRASES_REMOVED));
            } else if (added && signal.kind() == SignalKind.BOARD_PUSH_BACK && signal.text(Signal.COMMENT) != null) {
                phrases.add(signal.text(Signal.COMMENT));
            }
            for (String phrase : phrases) {
                String key = SignalText.normalized(phrase);
                if (!key.isEmpty()) {
                    byPhrase.computeIfAbsent(key, k -> new Tally()).add(key, weights.of(signal), signal);
                    wording.putIfAbsent(key, phrase);
                }
            }
        }
        List<Map.Entry<String, Tally>> kept = byPhrase.entrySet().stream()
                .filter(entry -> entry.getValue().events() >= settings.minEvents())
                .sorted(Comparator.comparingDouble((Map.Entry<String, Tally> e) -> e.getValue().weight()).reversed())
                .limit(MAX_PHRASES).toList();
        if (kept.isEmpty()) {
            return null;
        }
        List<Signal> evidence = new ArrayList<>();
        kept.forEach(entry -> entry.getValue().signals().stream()
                .filter(signal -> evidence.stream().noneMatch(known -> known == signal)).forEach(evidence::add));
        List<String> values = kept.stream().map(entry -> wording.get(entry.getKey())).toList();
        int fewest = kept.stream().mapToInt(entry -> entry.getValue().events()).min().orElse(0);
        boolean pushBacks = evidence.stream().anyMatch(signal -> signal.kind() == SignalKind.BOARD_PUSH_BACK);
        String note = "learned from " + fewest + " of your " + (pushBacks ? "edits and push-backs" : "edits")
                + (added ? "" : " that deleted it");
        return learned(values, 1.0, evidence, note);
    }

    private Map<String, Learned<List<String>>> avoidedAngles(List<Signal> signals, Weights weights) {
        Map<String, Learned<List<String>>> avoided = new LinkedHashMap<>();
        angleScores(signals, weights).forEach((type, byAngle) -> {
            List<String> angles = new ArrayList<>();
            List<Signal> evidence = new ArrayList<>();
            double agreement = 0;
            for (Map.Entry<String, AngleScore> entry : byAngle.entrySet()) {
                AngleScore score = entry.getValue();
                if (score.negativeEvents.size() >= settings.minEvents() && score.negativeShare() >= ANGLE_MAJORITY) {
                    angles.add(entry.getKey());
                    evidence.addAll(score.negativeEvents);
                    agreement += score.negativeShare();
                }
            }
            if (!angles.isEmpty()) {
                avoided.put(type, learned(List.copyOf(angles), agreement / angles.size(), evidence,
                        "rejected or replaced in " + evidence.size() + " of your reviews of " + type + " proposals"));
            }
        });
        return avoided;
    }

    private Map<String, Learned<String>> preferredAngles(List<Signal> signals, Weights weights) {
        Map<String, Learned<String>> preferred = new LinkedHashMap<>();
        angleScores(signals, weights).forEach((type, byAngle) -> byAngle.entrySet().stream()
                .filter(entry -> entry.getValue().positiveEvents.size() >= settings.minEvents()
                        && 1 - entry.getValue().negativeShare() >= ANGLE_MAJORITY)
                .max(Comparator.comparingDouble(entry -> entry.getValue().positive))
                .ifPresent(entry -> preferred.put(type, learned(entry.getKey(), 1 - entry.getValue().negativeShare(),
                        entry.getValue().positiveEvents, "approved in " + entry.getValue().positiveEvents.size()
                                + " of your reviews of " + type + " proposals"))));
        return preferred;
    }

    private static Map<String, Map<String, AngleScore>> angleScores(List<Signal> signals, Weights weights) {
        Map<String, Map<String, AngleScore>> scores = new TreeMap<>();
        for (Signal signal : signals) {
            String type = signal.text(Signal.ASSET_TYPE);
            String angle = signal.text(Signal.ANGLE);
            if (type == null || angle == null) {
                continue;
            }
            AngleScore score = scores.computeIfAbsent(type, t -> new TreeMap<>()).computeIfAbsent(angle, a -> new AngleScore());
            double w = weights.of(signal);
            switch (signal.kind()) {
                case PROPOSAL_APPROVED -> {
                    Double count = signal.number(Signal.COUNT);
                    score.positive += w * (count == null ? 1 : count);
                    score.positiveEvents.add(signal);
                }
                case PROPOSAL_REJECTED, ALTERNATE_ANGLE -> {
                    score.negative += w;
                    score.negativeEvents.add(signal);
                }
                case BOARD_PUSH_BACK -> {
                    score.negative += w * PUSH_BACK_WEIGHT;
                    score.negativeEvents.add(signal);
                }
                default -> {
                }
            }
        }
        return scores;
    }

    private Map<FormType, Map<String, Learned<Object>>> formSettings(List<Signal> signals, Weights weights) {
        Map<FormType, Map<String, Tally>> tallies = new EnumMap<>(FormType.class);
        Map<FormType, Integer> submissions = new EnumMap<>(FormType.class);
        for (Signal signal : ofKinds(signals, SignalKind.STUDIO_SETTINGS_SUBMITTED)) {
            FormType form = FormType.parse(signal.text(Signal.FORM_TYPE)).orElse(null);
            if (form == null) {
                continue;
            }
            submissions.merge(form, 1, Integer::sum);
            signal.map(Signal.SETTINGS).forEach((field, value) -> tallies.computeIfAbsent(form, f -> new LinkedHashMap<>())
                    .computeIfAbsent(field, f -> new Tally()).add(value, weights.of(signal), signal));
        }
        Map<FormType, Map<String, Learned<Object>>> learned = new EnumMap<>(FormType.class);
        tallies.forEach((form, byField) -> byField.forEach((field, tally) -> {
            if (tally.events() >= settings.minEvents() && tally.bestValue() != null) {
                String note = "learned from " + tally.countOf(tally.bestValue()) + " of your " + tally.events() + " "
                        + form.code().replace("product_", "").replace('_', ' ') + " submissions";
                learned.computeIfAbsent(form, f -> new LinkedHashMap<>())
                        .put(field, learned(tally.bestValue(), tally.share(), tally.signals(), note));
            }
        }));
        return learned;
    }

    private Learned<List<String>> performingChannels(List<Signal> signals, Weights weights) {
        List<Signal> imports = ofKinds(signals, SignalKind.METRICS_IMPORTED);
        if (imports.size() < settings.minEvents()) {
            return null;
        }
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (Signal signal : imports) {
            double w = weights.of(signal);
            signal.map(Signal.CTR).forEach((channel, rate) -> {
                if (rate instanceof Number number) {
                    double[] sum = rates.computeIfAbsent(channel, c -> new double[2]);
                    sum[0] += number.doubleValue() * w;
                    sum[1] += w;
                }
            });
        }
        List<String> ranked = rates.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0] / e.getValue()[1])
                        .reversed())
                .map(Map.Entry::getKey).toList();
        if (ranked.isEmpty()) {
            return null;
        }
        return learned(ranked, 1.0, imports, "ranked by click-through rate over " + imports.size()
                + " of your metric imports");
    }

    private static Map<String, Double> templateUse(List<Signal> signals, Weights weights) {
        Map<String, Double> use = new LinkedHashMap<>();
        for (Signal signal : ofKinds(signals, SignalKind.STUDIO_SETTINGS_SUBMITTED)) {
            Object template = signal.map(Signal.SETTINGS).get("template_id");
            if (template instanceof String id) {
                use.merge(id, weights.of(signal), Double::sum);
            }
        }
        return use;
    }

    private static Map<String, Double> assetTypeUse(List<Signal> signals, Weights weights) {
        Map<String, Double> use = new LinkedHashMap<>();
        for (Signal signal : signals) {
            if (signal.kind() == SignalKind.STUDIO_SETTINGS_SUBMITTED) {
                FormType.parse(signal.text(Signal.FORM_TYPE)).filter(FormType::studio)
                        .ifPresent(form -> use.merge(form.assetType().code(), weights.of(signal), Double::sum));
            } else if (signal.kind() == SignalKind.PROPOSAL_APPROVED && signal.text(Signal.ASSET_TYPE) != null) {
                Double count = signal.number(Signal.COUNT);
                use.merge(signal.text(Signal.ASSET_TYPE), weights.of(signal) * (count == null ? 1 : count), Double::sum);
            }
        }
        return use;
    }

    private static LearnedPreferences.History history(List<Signal> signals) {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        Instant oldest = null;
        Instant newest = null;
        for (Signal signal : signals) {
            byKind.merge(signal.kind().code(), 1, Integer::sum);
            oldest = oldest == null || signal.at().isBefore(oldest) ? signal.at() : oldest;
            newest = newest == null || signal.at().isAfter(newest) ? signal.at() : newest;
        }
        return new LearnedPreferences.History(signals.size(), byKind, oldest, newest);
    }

    private <T> Learned<T> learned(T value, double agreement, List<Signal> events, String note) {
        Set<String> kinds = new LinkedHashSet<>();
        events.forEach(event -> kinds.add(event.kind().code()));
        return new Learned<>(value, Learned.Source.LEARNED, confidence(agreement, events.size()),
                new Evidence(events.size(), List.copyOf(kinds)), note);
    }

    private static List<Signal> ofKinds(List<Signal> signals, SignalKind... kinds) {
        Set<SignalKind> wanted = Set.of(kinds);
        return signals.stream().filter(signal -> wanted.contains(signal.kind())).toList();
    }

    /** A signal's weight: 1 today, halved for each half-life of age (a signal dated in the future counts 1). */
    private static final class Weights {
        private final double halfLifeMillis;
        private final Instant now;

        Weights(Duration halfLife, Instant now) {
            this.halfLifeMillis = halfLife.toMillis();
            this.now = now;
        }

        double of(Signal signal) {
            long age = Math.max(0, Duration.between(signal.at(), now).toMillis());
            return Math.pow(0.5, age / halfLifeMillis);
        }
    }

    /** Weighted votes for values, with the events behind them. */
    private static final class Tally {
        private final Map<Object, Double> weightByValue = new LinkedHashMap<>();
        private final Map<Object, Integer> countByValue = new LinkedHashMap<>();
        private final List<Signal> signals = new ArrayList<>();
        private double total;

        void add(Object value, double weight, Signal signal) {
            if (value == null) {
                return;
            }
            weightByValue.merge(value, weight, Double::sum);
            countByValue.merge(value, 1, Integer::sum);
            total += weight;
            if (signals.stream().noneMatch(known -> known == signal)) {
                signals.add(signal);
            }
        }

        int events() {
            return signals.size();
        }

        List<Signal> signals() {
            return signals;
        }

        double weight() {
            return total;
        }

        Object bestValue() {
            return weightByValue.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }

        String best() {
            Object value = bestValue();
            return value == null ? null : value.toString();
        }

        int count(String value) {
            return countByValue.getOrDefault(value, 0);
        }

        int countOf(Object value) {
            return countByValue.getOrDefault(value, 0);
        }

        double share() {
            Object best = bestValue();
            return best == null || total == 0 ? 0 : weightByValue.get(best) / total;
        }
    }

    /** The weight for and against one hook angle, with the events behind each. */
    private static final class AngleScore {
        private final List<Signal> positiveEvents = new ArrayList<>();
        private final List<Signal> negativeEvents = new ArrayList<>();
        private double positive;
        private double negative;

        double negativeShare() {
            double total = positive + negative;
            return total == 0 ? 0 : negative / total;
        }
    }
}
