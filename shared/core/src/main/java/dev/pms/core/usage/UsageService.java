package dev.pms.core.usage;

import dev.pms.core.error.ValidationException;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PlanCatalog;
import dev.pms.core.pricing.PlanTier;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The caller's plan and this month's usage; setting a plan is an operator action (devstack admin route). */
public final class UsageService {
    private final PlanCatalog plans;
    private final PlanRepository planRepository;
    private final UsageLedger ledger;
    private final Clock clock;

    public UsageService(PlanCatalog plans, PlanRepository planRepository, UsageLedger ledger, Clock clock) {
        this.plans = plans;
        this.planRepository = planRepository;
        this.ledger = ledger;
        this.clock = clock;
    }

    public UsageReport usage(String userId) {
        Plan plan = plans.plan(planRepository.find(userId).orElse(PlanTier.FREE));
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        MonthlyUsage usage = ledger.current(userId, month);
        return new UsageReport(plan.tier(), month.toString(), plan.limits(), usage.used().counts(),
                usage.reserved().counts(), usage.used().usd(), usage.reserved().usd(), plan.monthlyCapUsd());
    }

    public Plan setPlan(String userId, String tier) {
        if (userId == null || userId.isBlank()) {
            throw ValidationException.of("user", "is required");
        }
        PlanTier parsed = PlanTier.parse(tier).orElseThrow(() -> ValidationException.of("tier", "must be one of "
                + Arrays.stream(PlanTier.values()).map(PlanTier::code).collect(Collectors.joining(", "))));
        planRepository.save(userId, parsed);
        return plans.plan(parsed);
    }
}
