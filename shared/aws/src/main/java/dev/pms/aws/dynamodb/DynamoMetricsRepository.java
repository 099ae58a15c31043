package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pms.core.channel.Channel;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import dev.pms.core.performance.DailyMetrics;
import dev.pms.core.performance.MetricRow;
import dev.pms.core.performance.MetricsRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily metrics as one item per campaign and date ({@code sk = METRICS#<campaign>#<date>}), the day's rows packed as
 * arrays ({@code [asset_id|null, channel, impressions, clicks, conversions, spend, views]}) so that 40 assets' day
 * stays near 2 KB: a campaign's whole history is read with one query, and an import writes one item per day in one
 * transaction, each conditioned on the version it merged into.
 */
@Singleton
public class DynamoMetricsRepository implements MetricsRepository {
    private static final String ROWS = "rows";
    private final TableItems items;

    public DynamoMetricsRepository(DynamoDbClient dynamo, AppTable table) {
        this.items = new TableItems(dynamo, table);
    }

    @Override
    public Map<LocalDate, DailyMetrics> find(String userId, String campaignId, Collection<LocalDate> dates) {
        List<Map<String, AttributeValue>> keys = dates.stream().map(date -> key(userId, campaignId, date)).toList();
        Map<LocalDate, DailyMetrics> found = new HashMap<>();
        for (Map<String, AttributeValue> item : items.batchGet(keys, "metric days")) {
            DailyMetrics day = fromItem(item, campaignId);
            found.put(day.date(), day);
        }
        return found;
    }

    @Override
    public void saveAll(String userId, String campaignId, List<DailyMetrics> days) {
        if (days.size() > 100) {
            throw new IllegalArgumentException("one transaction holds at most 100 days");
        }
        List<TransactWriteItem> puts = new ArrayList<>();
        for (DailyMetrics day : days) {
            Map<String, AttributeValue> item = TableItems.newItem(key(userId, campaignId, day.date()), "metrics");
            item.put(AppTable.VERSION, Attr.n(day.version() + 1));
            item.put(ROWS, Attr.s(pack(day)));
            puts.add(TransactWriteItem.builder().put(items.put(item, Condition.replacing(day.version()))).build());
        }
        items.transact(puts, TableItems::conditionFailed,
                () -> new VersionConflictException("metrics of campaign " + campaignId + " changed during the import"));
    }

    @Override
    public List<DailyMetrics> all(String userId, String campaignId) {
        return items.all(PrefixQuery.sortKey(AppTable.tenantKey(userId), prefix(campaignId))).stream()
                .map(item -> fromItem(item, campaignId)).toList();
    }

    static String pack(DailyMetrics day) {
        ArrayNode rows = Json.mapper().createArrayNode();
        for (MetricRow row : day.rows().values()) {
            ArrayNode packed = rows.addArray();
            if (row.assetId() == null) {
                packed.addNull();
            } else {
                packed.add(row.assetId());
            }
            packed.add(row.channel().code()).add(row.impressions()).add(row.clicks()).add(row.conversions())
                    .add(row.spend().toPlainString()).add(row.views());
        }
        return rows.toString();
    }

    private static DailyMetrics fromItem(Map<String, AttributeValue> item, String campaignId) {
        LocalDate date = LocalDate.parse(item.get(AppTable.SK).s().substring(prefix(campaignId).length()));
        Map<String, MetricRow> rows = new LinkedHashMap<>();
        try {
            for (JsonNode packed : Json.mapper().readTree(item.get(ROWS).s())) {
                MetricRow row = new MetricRow(packed.get(0).isNull() ? null : packed.get(0).asText(),
                        Channel.parse(packed.get(1).asText()).orElseThrow(), date, packed.get(2).asLong(),
                        packed.get(3).asLong(), packed.get(4).asLong(), new BigDecimal(packed.get(5).asText()),
                        packed.get(6).asLong());
                rows.put(row.key(), row);
            }
        } catch (Exception e) {
            throw new IllegalStateException("stored metrics " + item.get(AppTable.SK).s() + " are unreadable", e);
        }
        return new DailyMetrics(date, rows, Long.parseLong(item.get(AppTable.VERSION).n()));
    }

    private static Map<String, AttributeValue> key(String userId, String campaignId, LocalDate date) {
        return TableItems.key(AppTable.tenantKey(userId), prefix(campaignId) + date);
    }

    private static String prefix(String campaignId) {
        return CampaignOpsKeys.METRICS + campaignId + "#";
    }
}
