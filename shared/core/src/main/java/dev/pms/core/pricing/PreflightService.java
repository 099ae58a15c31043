package dev.pms.core.pricing;

import dev.pms.core.common.ConcurrentCalls;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.usage.MonthlyUsage;
import dev.pms.core.usage.PlanRepository;
import dev.pms.core.usage.UsageAmounts;
import dev.pms.core.usage.UsageLedger;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Pre-flight: quotes a whole campaign against the caller's plan before anything is spent, and
 * reserves a quote in one atomic step when work starts.
 */
public final class PreflightService implements ApprovalBudget {
    private final CampaignService campaigns;
    private final QuoteCalculator calculator;
    private final PlanCatalog plans;
    private final PlanRepository planRepository;
    private final UsageLedger ledger;
    private final Clock clock;

    public PreflightService(CampaignService campaigns, CostEstimator estimator, PlanCatalog plans,
                            PlanRepository planRepository, UsageLedger ledger, Clock clock) {
        this.campaigns = campaigns;
        this.calculator = new QuoteCalculator(estimator);
        this.plans = plans;
        this.planRepository = planRepository;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Contract #1: quotes a campaign request without storing anything. */
    public PreflightResult validateRequest(String userId, QuoteCampaign request) {
        return PreflightResult.of(quote(userId, campaigns.preview(userId, request.campaign()).assetNodes(),
                request.tier()));
    }

    /**
     * Quotes a stored campaign (404 when it is not the caller's); the campaign, the plan and the month's usage are read
     * side by side.
     */
    public PreflightResult preflightCampaign(String userId, String campaignId, QualityTier tier) {
        CompletableFuture<Plan> plan = ConcurrentCalls.start(() -> planOf(userId));
        CompletableFuture<MonthlyUsage> usage = ConcurrentCalls.start(() -> ledger.current(userId, billingMonth()));
        List<AssetNode> nodes = campaigns.get(userId, campaignId).assetNodes();
        return PreflightResult.of(calculator.quote(nodes, tier, ConcurrentCalls.await(plan), ConcurrentCalls.await(usage)));
    }

    /** Quotes the nodes against the caller's plan and this month's usage, read side by side. */
    public Quote quote(String userId, List<AssetNode> nodes, QualityTier tier) {
        CompletableFuture<Plan> plan = ConcurrentCalls.start(() -> planOf(userId));
        MonthlyUsage usage = ledger.current(userId, billingMonth());
        return calculator.quote(nodes, tier, ConcurrentCalls.await(plan), usage);
    }

    /**
     * Quotes and reserves in one atomic conditional write.
     *
     * @throws PlanLimitExceededException with the (fresh) quote when the plan cannot cover it
     */
    public Quote reserve(String userId, List<AssetNode> nodes, QualityTier tier) {
        Plan plan = planOf(userId);
        YearMonth month = billingMonth();
        Quote quote = calculator.quote(nodes, tier, plan, ledger.current(userId, month));
        if (!quote.canProceed()) {
            throw new PlanLimitExceededException(quote);
        }
        UsageAmounts amounts = QuoteCalculator.amountsOf(quote);
        if (!ledger.reserve(userId, month, amounts, plan)) {
            Quote fresh = calculator.quote(nodes, tier, plan, ledger.current(userId, month));
            throw new PlanLimitExceededException(fresh.canProceed()
                    ? withMessage(fresh, "Another request reserved part of this month's budget at the same time; "
                    + "quote again and retry.")
                    : fresh);
        }
        return quote;
    }

    /** The approved set against the plan and this month's usage; refused with the quote when it does not fit. */
    @Override
    public void check(String userId, List<CostLine> approvedLines) {
        Quote quote = calculator.quoteLines(approvedLines, planOf(userId), ledger.current(userId, billingMonth()));
        if (!quote.canProceed()) {
            throw new PlanLimitExceededException(quote);
        }
    }

    @Override
    public PlanTier planTier(String userId) {
        return planOf(userId).tier();
    }

    public Plan planOf(String userId) {
        return plans.plan(planRepository.find(userId).orElse(PlanTier.FREE));
    }

    public YearMonth billingMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Quote withMessage(Quote quote, String message) {
        return new Quote(quote.plan(), quote.tier(), quote.billingMonth(), quote.priceTableVersion(), quote.lines(),
                quote.byKind(), quote.estimatedCostUsd(), quote.spentUsd(), quote.reservedUsd(), quote.capUsd(),
                quote.remainingUsdAfter(), quote.breaches(), false, message);
    }
}
