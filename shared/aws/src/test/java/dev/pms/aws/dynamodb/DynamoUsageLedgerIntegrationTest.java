package dev.pms.aws.dynamodb;

import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PlanCatalog;
import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.UsageKind;
import dev.pms.core.usage.MonthlyUsage;
import dev.pms.core.usage.UsageAmounts;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.LocalAwsExtension;
import dev.pms.emulators.ProvisionedResources;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Atomic reservations on the usage item, against the local DynamoDB emulator. */
@ExtendWith(LocalAwsExtension.class)
class DynamoUsageLedgerIntegrationTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static ApplicationContext context;
    private static DynamoUsageLedger ledger;
    private static DynamoPlanRepository plans;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.start(aws, resources);
        ledger = context.getBean(DynamoUsageLedger.class);
        plans = context.getBean(DynamoPlanRepository.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void twentyConcurrentReservationsOnABudgetForSevenLetExactlySevenThrough() throws Exception {
        String user = "user-" + UUID.randomUUID();
        Plan free = PlanCatalog.load().plan(PlanTier.FREE);
        UsageAmounts threeImages = new UsageAmounts(Map.of(UsageKind.IMAGE, 3), new BigDecimal("0.09"));
        assertThat(ledger.reserve(user, MONTH, threeImages, free)).isTrue();
        ledger.commit(user, MONTH, threeImages, threeImages);

        int successes = race(20, () -> ledger.reserve(user, MONTH,
                new UsageAmounts(Map.of(UsageKind.IMAGE, 1), new BigDecimal("0.03")), free));

        assertThat(successes).isEqualTo(7);
        MonthlyUsage usage = ledger.current(user, MONTH);
        assertThat(usage.used().count(UsageKind.IMAGE)).isEqualTo(3);
        assertThat(usage.reserved().count(UsageKind.IMAGE)).isEqualTo(7);
        assertThat(usage.reserved().usd()).isEqualByComparingTo("0.21");
        assertThat(usage.claimed(UsageKind.IMAGE)).isEqualTo(10);
    }

    @Test
    void theDollarCapIsReservedAtomicallyToo() throws Exception {
        String user = "user-" + UUID.randomUUID();
        Plan tightCap = new Plan(PlanTier.ENTERPRISE, BigDecimal.ZERO, new BigDecimal("0.70"), Map.of());

        int successes = race(20, () -> ledger.reserve(user, MONTH,
                new UsageAmounts(Map.of(UsageKind.VIDEO, 1), new BigDecimal("0.10")), tightCap));

        assertThat(successes).isEqualTo(7);
        assertThat(ledger.current(user, MONTH).reserved().usd()).isEqualByComparingTo("0.70");
    }

    @Test
    void commitAndReleaseMoveReservationsIntoUsageOrBack() {
        String user = "user-" + UUID.randomUUID();
        Plan basic = PlanCatalog.load().plan(PlanTier.BASIC);
        UsageAmounts twoVideos = new UsageAmounts(Map.of(UsageKind.VIDEO, 2), new BigDecimal("1.00"));
        assertThat(ledger.reserve(user, MONTH, twoVideos, basic)).isTrue();

        ledger.commit(user, MONTH, new UsageAmounts(Map.of(UsageKind.VIDEO, 1), new BigDecimal("0.50")),
                new UsageAmounts(Map.of(UsageKind.VIDEO, 1), new BigDecimal("0.45")));
        ledger.release(user, MONTH, new UsageAmounts(Map.of(UsageKind.VIDEO, 1), new BigDecimal("0.50")));

        MonthlyUsage usage = ledger.current(user, MONTH);
        assertThat(usage.used().count(UsageKind.VIDEO)).isEqualTo(1);
        assertThat(usage.used().usd()).isEqualByComparingTo("0.45");
        assertThat(usage.reserved().count(UsageKind.VIDEO)).isZero();
        assertThat(usage.reserved().usd()).isEqualByComparingTo("0");
        assertThat(ledger.current(user, MONTH.plusMonths(1)).claimedUsd()).isEqualByComparingTo("0");
    }

    @Test
    void plansDefaultToNothingStoredAndCanBeSet() {
        String user = "user-" + UUID.randomUUID();
        assertThat(plans.find(user)).isEmpty();

        plans.save(user, PlanTier.PRO);

        assertThat(plans.find(user)).contains(PlanTier.PRO);
    }

    private static int race(int contenders, Callable<Boolean> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            int successes = 0;
            for (Future<Boolean> result : results) {
                if (result.get()) {
                    successes++;
                }
            }
            return successes;
        } finally {
            pool.shutdownNow();
        }
    }
}
