package dev.pms.core.pricing;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.usage.MonthlyUsage;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Quotes a set of nodes against a plan and the month's usage: every node counts (N images are N),
 * every kind is priced, and the dollar cap is checked against the estimate plus what the month has
 * already spent or reserved.
 */
public final class QuoteCalculator {
    private final CostEstimator estimator;

    private final ModelSelector selector;

    public QuoteCalculator(CostEstimator estimator) {
        this.estimator = estimator;
        this.selector = new ModelSelector(estimator.prices());
    }

    /** Each node priced on the model its proposal will get on this plan (the same selection proposals make). */
    public Quote quote(List<AssetNode> nodes, QualityTier tier, Plan plan, MonthlyUsage usage) {
        boolean videoHeavy = ModelSelector.videoHeavy(nodes.stream().map(AssetNode::channel).distinct().toList());
        ModelSelector.Context context = new ModelSelector.Context(plan.tier(), videoHeavy, Map.of(), null);
        return quoteLines(nodes.stream()
                .map(node -> estimator.estimate(node, tier, selector.select(node.assetType(), tier, context).choice()))
                .toList(), plan, usage);
    }

    /** Quotes lines priced beforehand (each at its own tier, e.g. approved proposals). */
    public Quote quoteLines(List<CostLine> lines, Plan plan, MonthlyUsage usage) {
        List<QualityTier> tiers = lines.stream().map(CostLine::tier).distinct().toList();
        QualityTier tier = tiers.size() == 1 ? tiers.get(0) : null;
        Map<UsageKind, List<CostLine>> linesByKind = lines.stream()
                .collect(Collectors.groupingBy(CostLine::usageKind, () -> new EnumMap<>(UsageKind.class), Collectors.toList()));
        List<KindLine> byKind = new ArrayList<>();
        List<LimitBreach> breaches = new ArrayList<>();
        for (UsageKind kind : UsageKind.values()) {
            List<CostLine> ofKind = linesByKind.getOrDefault(kind, List.of());
            int requested = ofKind.size();
            int used = usage.used().count(kind);
            int reserved = usage.reserved().count(kind);
            int limit = plan.limit(kind);
            Integer remainingAfter = plan.isUnlimited(kind) ? null : limit - used - reserved - requested;
            BigDecimal cost = sum(ofKind.stream().map(CostLine::costUsd).toList());
            if (requested > 0 || used > 0 || reserved > 0) {
                byKind.add(new KindLine(kind, requested, used, reserved, limit, remainingAfter, cost));
            }
            if (remainingAfter != null && remainingAfter < 0 && requested > 0) {
                breaches.add(countBreach(plan, kind, requested, used + reserved, -remainingAfter));
            }
        }
        BigDecimal estimate = sum(lines.stream().map(CostLine::costUsd).toList());
        BigDecimal claimed = usage.claimedUsd();
        BigDecimal remainingUsd = plan.monthlyCapUsd().subtract(claimed).subtract(estimate);
        if (remainingUsd.signum() < 0 && estimate.signum() > 0) {
            breaches.add(capBreach(plan, estimate, claimed, remainingUsd.negate()));
        }
        boolean canProceed = breaches.isEmpty();
        String message = canProceed
                ? "Within the " + plan.tier().code() + " plan: " + lines.size() + " assets for an estimated "
                + dollars(estimate) + " (" + dollars(remainingUsd) + " of the " + dollars(plan.monthlyCapUsd())
                + " monthly cap left after)."
                : breaches.stream().map(LimitBreach::message).collect(Collectors.joining(" "));
        return new Quote(plan.tier(), tier, usage.month().toString(), estimator.prices().version(), lines, byKind,
                estimate, usage.used().usd(), usage.reserved().usd(), plan.monthlyCapUsd(), remainingUsd,
                breaches, canProceed, message);
    }

    /** What reserving this quote takes from the month: one count per node of each kind, and its dollars. */
    public static UsageAmounts amountsOf(Quote quote) {
        Map<UsageKind, Integer> counts = new EnumMap<>(UsageKind.class);
        quote.byKind().forEach(line -> counts.put(line.kind(), line.requested()));
        return new UsageAmounts(counts, quote.estimatedCostUsd());
    }

    private static LimitBreach countBreach(Plan plan, UsageKind kind, int requested, int claimed, int over) {
        String noun = plural(kind);
        String message = "The " + plan.tier().code() + " plan allows " + plan.limit(kind) + " " + noun
                + " a month; " + claimed + " are already used or reserved and this needs " + requested
                + " more, " + over + " over the limit.";
        return new LimitBreach(kind.code(), BigDecimal.valueOf(plan.limit(kind)), BigDecimal.valueOf(claimed),
                BigDecimal.valueOf(requested), BigDecimal.valueOf(over), message);
    }

    private static LimitBreach capBreach(Plan plan, BigDecimal estimate, BigDecimal claimed, BigDecimal over) {
        String message = "The " + plan.tier().code() + " plan's monthly cap is " + dollars(plan.monthlyCapUsd())
                + "; " + dollars(claimed) + " is already spent or reserved and this is estimated at "
                + dollars(estimate) + ", " + dollars(over) + " over the cap.";
        return new LimitBreach("monthly_cap_usd", plan.monthlyCapUsd(), claimed, estimate, over, message);
    }

    private static String plural(UsageKind kind) {
        return switch (kind) {
            case TEXT -> "text generations";
            case IMAGE -> "images";
            case IMAGE_EDIT -> "image edits";
            case VIDEO -> "videos";
            case AUDIO -> "audio tracks";
        };
    }

    static String dollars(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        if (cents.signum() == 0 && amount.signum() != 0) {
            return "$" + amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
        }
        return "$" + cents.toPlainString();
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
