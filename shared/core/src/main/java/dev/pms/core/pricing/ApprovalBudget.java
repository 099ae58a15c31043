package dev.pms.core.pricing;

import java.util.List;

/**
 * Checks that what a user has approved can still be paid for this month. Approving is the last step
 * before money is spent, so an approval the plan cannot cover is refused with the quote.
 */
@FunctionalInterface
public interface ApprovalBudget {

    /** @throws PlanLimitExceededException when the plan cannot pay for {@code approvedLines} */
    void check(String userId, List<CostLine> approvedLines);

    /** The user's plan, which model selection takes into account (a budget without plans answers pro). */
    default PlanTier planTier(String userId) {
        return PlanTier.PRO;
    }
}
