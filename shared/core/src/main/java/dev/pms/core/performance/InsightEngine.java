package dev.pms.core.performance;

import dev.pms.core.channel.Channel;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.ModelChoice;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.proposal.Proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Insight cards from a campaign's channel results: for CTR (clicks of impressions) and CVR (conversions of clicks),
 * the best channel is tested against every other with {@link ProportionTest} at α = 0.05 split over the comparisons
 * made (Bonferroni), and each comparison that holds becomes a card proposing a next experiment on the winner. Pure.
 */
public final class InsightEngine {
    public static final int MAX_CARDS = 4;

    private final ProportionTest.MinimumSample minimum;
    private final double alpha;

    public InsightEngine(ProportionTest.MinimumSample minimum, double alpha) {
        this.minimum = minimum;
        this.alpha = alpha;
    }

    public InsightEngine() {
        this(ProportionTest.DEFAULT_MINIMUM, ProportionTest.DEFAULT_ALPHA);
    }

    private record Metric(String code, String label, ToLongFunction<Results> successes, ToLongFunction<Results> trials,
                          String trialNoun) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("ctr", "CTR", Results::clicks, Results::impressions, "impressions"),
            new Metric("cvr", "CVR", Results::conversions, Results::clicks, "clicks"));

    public List<Insight> insights(List<PerformanceReport.ChannelResults> channels,
                                  List<PerformanceReport.AssetResults> assets, Map<String, Proposal> proposals) {
        List<Insight> cards = new ArrayList<>();
        for (Metric metric : METRICS) {
            List<PerformanceReport.ChannelResults> eligible = channels.stream()
                    .filter(c -> metric.trials().applyAsLong(c.results()) >= minimum.trials()
                            && metric.successes().applyAsLong(c.results()) >= minimum.successes())
                    .sorted(Comparator.comparingDouble((PerformanceReport.ChannelResults c) -> -rate(metric, c.results()))
                            .thenComparing(c -> c.channel().code()))
                    .toList();
            if (eligible.size() < 2) {
                continue;
            }
            PerformanceReport.ChannelResults best = eligible.get(0);
            double perComparison = alpha / (eligible.size() - 1);
            for (PerformanceReport.ChannelResults other : eligible.subList(1, eligible.size())) {
                ProportionTest.Result test = ProportionTest.compare(
                        metric.successes().applyAsLong(best.results()), metric.trials().applyAsLong(best.results()),
                        metric.successes().applyAsLong(other.results()), metric.trials().applyAsLong(other.results()),
                        minimum, perComparison);
                if (test.decision() != ProportionTest.Decision.A_HIGHER) {
                    continue;
                }
                cards.add(card(metric, best, other, test, assets, proposals));
            }
        }
        cards.sort(Comparator.comparingDouble(Insight::ratio).reversed().thenComparing(Insight::key));
        return cards.size() > MAX_CARDS ? List.copyOf(cards.subList(0, MAX_CARDS)) : cards;
    }

    private Insight card(Metric metric, PerformanceReport.ChannelResults winner, PerformanceReport.ChannelResults loser,
                         ProportionTest.Result test, List<PerformanceReport.AssetResults> assets,
                         Map<String, Proposal> proposals) {
        long nWinner = metric.trials().applyAsLong(winner.results());
        long nLoser = metric.trials().applyAsLong(loser.results());
        double ratio = Math.round(test.ratio() * 10) / 10.0;
        PerformanceReport.AssetResults bestAsset = bestAsset(metric, winner.channel(), assets);
        PerformanceReport.AssetResults loserAsset = bestAsset(metric, loser.channel(), assets);
        String winnerLabel = label(winner.channel(), bestAsset);
        String loserLabel = label(loser.channel(), loserAsset);
        String text = String.format(Locale.ROOT, "%s outperform %s %.1f× on %s (n = %,d vs %,d %s, p %s)",
                winnerLabel, loserLabel, ratio, metric.label(), nWinner, nLoser, metric.trialNoun(), pText(test.pValue()));
        return new Insight(metric.code() + ":" + winner.channel().code() + ">" + loser.channel().code(), text,
                metric.code(), ratio, nWinner + nLoser, nWinner, nLoser,
                Math.round((1 - test.pValue()) * 10_000) / 10_000.0, test.pValue(), winner.channel(), loser.channel(),
                experiment(metric, winner, loser, bestAsset, proposals), null);
    }

    private static Insight.Experiment experiment(Metric metric, PerformanceReport.ChannelResults winner,
                                                 PerformanceReport.ChannelResults loser,
                                                 PerformanceReport.AssetResults bestAsset,
                                                 Map<String, Proposal> proposals) {
        if (bestAsset == null) {
            return null;
        }
        Proposal model = proposals.get(bestAsset.assetId());
        QualityTier tier = model != null && model.tier() != null ? model.tier() : QualityTier.DEFAULT;
        String providerSwitch = null;
        BigDecimal winnerCost = winner.results().generationCostPerResult();
        BigDecimal loserCost = loser.results().generationCostPerResult();
        if (winnerCost != null && loserCost != null && winnerCost.compareTo(loserCost) > 0 && tier != QualityTier.DRAFT) {
            QualityTier cheaper = tier == QualityTier.PREMIUM ? QualityTier.STANDARD : QualityTier.DRAFT;
            ModelChoice from = CostEstimator.modelFor(bestAsset.assetType(), tier);
            ModelChoice to = CostEstimator.modelFor(bestAsset.assetType(), cheaper);
            if (!from.equals(to)) {
                providerSwitch = from.provider() + "/" + from.model() + " -> " + to.provider() + "/" + to.model()
                        + " (generation cost per result $" + winnerCost.toPlainString() + " vs $"
                        + loserCost.toPlainString() + ")";
            }
            tier = cheaper;
        }
        String title = "Experiment: " + winner.channel().code() + " " + bestAsset.assetType().code() + " ("
                + metric.code() + " beat " + loser.channel().code() + ")";
        return new Insight.Experiment(title, winner.channel(), bestAsset.assetType(), bestAsset.placement(),
                model == null ? null : model.angle(), model == null ? null : model.hook(), tier, providerSwitch);
    }

    private static PerformanceReport.AssetResults bestAsset(Metric metric, Channel channel,
                                                            List<PerformanceReport.AssetResults> assets) {
        return assets.stream().filter(a -> a.channel() == channel && metric.trials().applyAsLong(a.results()) > 0)
                .max(Comparator.comparingDouble((PerformanceReport.AssetResults a) -> rate(metric, a.results()))
                        .thenComparingLong(a -> metric.trials().applyAsLong(a.results())))
                .orElse(null);
    }

    /** "LinkedIn posts", "Instagram reels": the platform and the plural of the best asset's placement. */
    static String label(Channel channel, PerformanceReport.AssetResults asset) {
        if (asset == null || asset.placement() == null) {
            return channel.platformName() + " posts";
        }
        String kind = asset.placement().substring(asset.placement().indexOf('/') + 1).split("_")[0];
        String plural = switch (kind) {
            case "feed" -> "feed posts";
            case "story" -> "stories";
            case "copy" -> "copy";
            default -> kind.endsWith("s") ? kind : kind + "s";
        };
        return channel.platformName() + " " + plural;
    }

    private static double rate(Metric metric, Results results) {
        long trials = metric.trials().applyAsLong(results);
        return trials == 0 ? 0 : (double) metric.successes().applyAsLong(results) / trials;
    }

    private static String pText(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }
}
