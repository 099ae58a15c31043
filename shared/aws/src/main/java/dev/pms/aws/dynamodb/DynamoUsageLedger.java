package dev.pms.aws.dynamodb;

import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.UsageKind;
import dev.pms.core.usage.MonthlyUsage;
import dev.pms.core.usage.UsageAmounts;
import dev.pms.core.usage.UsageLedger;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One usage item per tenant and billing month ({@code sk = USAGE#2026-11}). Besides used and reserved
 * counters it keeps {@code claimed_* = used_* + reserved_*}, because a condition expression cannot add:
 * a reservation is {@code ADD claimed_x :n} guarded by {@code claimed_x <= limit - n}, one atomic write.
 * Dollars are stored as integer micro-dollars so that {@code ADD} stays exact.
 */
@Singleton
public class DynamoUsageLedger implements UsageLedger {
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private final DynamoDbClient dynamo;
    private final TableItems items;
    private final String tableName;

    public DynamoUsageLedger(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.items = new TableItems(dynamo, table);
        this.tableName = table.name();
    }

    @Override
    public MonthlyUsage current(String userId, YearMonth month) {
        return items.get(key(userId, month))
                .map(item -> new MonthlyUsage(month, amounts(item, "used_", "spent_micros"),
                        amounts(item, "reserved_", "reserved_micros")))
                .orElseGet(() -> MonthlyUsage.empty(month));
    }

    @Override
    public boolean reserve(String userId, YearMonth month, UsageAmounts amounts, Plan plan) {
        Optional<Update> update = reserveUpdate(userId, month, amounts, plan);
        if (update.isEmpty()) {
            return false;
        }
        if (update.get().updateExpression() == null) {
            return true;
        }
        Update reservation = update.get();
        return items.updateIf(UpdateItemRequest.builder().tableName(reservation.tableName()).key(reservation.key())
                .updateExpression(reservation.updateExpression()).conditionExpression(reservation.conditionExpression())
                .expressionAttributeNames(reservation.expressionAttributeNames())
                .expressionAttributeValues(reservation.expressionAttributeValues()).build()).isPresent();
    }

    /**
     * The conditional write that reserves {@code amounts} within the plan, for use alone or inside a transaction;
     * empty when the amounts can never fit the plan; an update without expression when there is nothing to reserve.
     */
    Optional<Update> reserveUpdate(String userId, YearMonth month,
                                                                                   UsageAmounts amounts, Plan plan) {
        Additions update = new Additions();
        List<String> conditions = new ArrayList<>();
        for (UsageKind kind : UsageKind.values()) {
            int count = amounts.count(kind);
            if (count == 0) {
                continue;
            }
            update.add("reserved_" + kind.code(), count);
            String claimed = update.add("claimed_" + kind.code(), count);
            if (!plan.isUnlimited(kind)) {
                int maxBefore = plan.limit(kind) - count;
                if (maxBefore < 0) {
                    return Optional.empty();
                }
                conditions.add("(attribute_not_exists(" + claimed + ") OR " + claimed + " <= " + update.value(maxBefore) + ")");
            }
        }
        long micros = micros(amounts.usd());
        if (micros > 0) {
            update.add("reserved_micros", micros);
            String claimed = update.add("claimed_micros", micros);
            long maxBefore = micros(plan.monthlyCapUsd()) - micros;
            if (maxBefore < 0) {
                return Optional.empty();
            }
            conditions.add("(attribute_not_exists(" + claimed + ") OR " + claimed + " <= " + update.value(maxBefore) + ")");
        }
        if (update.isEmpty()) {
            return Optional.of(Update.builder().build());
        }
        return Optional.of(update.toModel(tableName, key(userId, month),
                conditions.isEmpty() ? null : String.join(" AND ", conditions)));
    }

    @Override
    public void commit(String userId, YearMonth month, UsageAmounts reserved, UsageAmounts spent) {
        commitUpdate(userId, month, reserved, spent).ifPresent(this::apply);
    }

    @Override
    public void release(String userId, YearMonth month, UsageAmounts reserved) {
        releaseUpdate(userId, month, reserved).ifPresent(this::apply);
    }

    /** The write that turns {@code reserved} into {@code spent}; empty when nothing changes. */
    Optional<Update> commitUpdate(String userId, YearMonth month,
                                                                                  UsageAmounts reserved, UsageAmounts spent) {
        Additions update = new Additions();
        for (UsageKind kind : UsageKind.values()) {
            update.addIfNonZero("reserved_" + kind.code(), -reserved.count(kind));
            update.addIfNonZero("used_" + kind.code(), spent.count(kind));
            update.addIfNonZero("claimed_" + kind.code(), spent.count(kind) - reserved.count(kind));
        }
        long reservedMicros = micros(reserved.usd());
        long spentMicros = micros(spent.usd());
        update.addIfNonZero("reserved_micros", -reservedMicros);
        update.addIfNonZero("spent_micros", spentMicros);
        update.addIfNonZero("claimed_micros", spentMicros - reservedMicros);
        return update.isEmpty() ? Optional.empty() : Optional.of(update.toModel(tableName, key(userId, month), null));
    }

    /** The write that gives {@code reserved} back; empty when nothing changes. */
    Optional<Update> releaseUpdate(String userId, YearMonth month,
                                                                                   UsageAmounts reserved) {
        Additions update = new Additions();
        for (UsageKind kind : UsageKind.values()) {
            update.addIfNonZero("reserved_" + kind.code(), -reserved.count(kind));
            update.addIfNonZero("claimed_" + kind.code(), -reserved.count(kind));
        }
        long micros = micros(reserved.usd());
        update.addIfNonZero("reserved_micros", -micros);
        update.addIfNonZero("claimed_micros", -micros);
        return update.isEmpty() ? Optional.empty() : Optional.of(update.toModel(tableName, key(userId, month), null));
    }

    private void apply(Update update) {
        dynamo.updateItem(request -> request.tableName(update.tableName()).key(update.key())
                .updateExpression(update.updateExpression())
                .expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }

    private static UsageAmounts amounts(Map<String, AttributeValue> item, String countPrefix, String microsAttribute) {
        Map<UsageKind, Integer> counts = new EnumMap<>(UsageKind.class);
        for (UsageKind kind : UsageKind.values()) {
            AttributeValue value = item.get(countPrefix + kind.code());
            counts.put(kind, value == null ? 0 : Integer.parseInt(value.n()));
        }
        AttributeValue micros = item.get(microsAttribute);
        BigDecimal usd = micros == null ? BigDecimal.ZERO
                : new BigDecimal(micros.n()).divide(MICROS).stripTrailingZeros();
        return new UsageAmounts(counts, usd);
    }

    private static long micros(BigDecimal usd) {
        return usd.multiply(MICROS).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private Map<String, AttributeValue> key(String userId, YearMonth month) {
        return TableItems.key(AppTable.tenantKey(userId), "USAGE#" + month);
    }

    /** Builds one {@code ADD a :x, b :y} expression with generated placeholders. */
    private static final class Additions {
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();
        private final List<String> additions = new ArrayList<>();

        String add(String attribute, long amount) {
            String name = "#a" + names.size();
            names.put(name, attribute);
            additions.add(name + " " + value(amount));
            return name;
        }

        void addIfNonZero(String attribute, long amount) {
            if (amount != 0) {
                add(attribute, amount);
            }
        }

        String value(long amount) {
            String placeholder = ":v" + values.size();
            values.put(placeholder, Attr.n(amount));
            return placeholder;
        }

        boolean isEmpty() {
            return additions.isEmpty();
        }

        String expression() {
            return "ADD " + String.join(", ", additions);
        }

        Update toModel(String tableName, Map<String, AttributeValue> key,
                                                                     String condition) {
            return Update.builder().tableName(tableName).key(key)
                    .updateExpression(expression()).conditionExpression(condition)
                    .expressionAttributeNames(Map.copyOf(names)).expressionAttributeValues(Map.copyOf(values)).build();
        }
    }
}
