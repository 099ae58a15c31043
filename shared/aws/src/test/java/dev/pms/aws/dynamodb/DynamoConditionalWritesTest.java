package dev.pms.aws.dynamodb;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.board.BoardMove;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.distribution.Schedule;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.generation.GenerationRun;
import dev.pms.core.inventory.InventoryItem;
import dev.pms.core.json.Json;
import dev.pms.core.media.UploadRecord;
import dev.pms.core.performance.DailyMetrics;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.UsageKind;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.usage.UsageAmounts;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exact conditions of the repositories' conditional writes, against a recording client (no emulator): the
 * condition expression, its attribute names and values, and what a failed condition becomes in the domain. The
 * emulator tests show that the writes work; these show that they keep guarding what they guard.
 */
class DynamoConditionalWritesTest {
    private static final String TABLE = "app-table";
    private static final String USER = "u1";
    private static final String PARTITION = "USER#u1";
    private static final Map<String, AttributeValue> NO_VALUES = Map.of();

    private final RecordingDynamoDbClient dynamo = new RecordingDynamoDbClient();
    private final AppTable table = new AppTable(TABLE);

    @Test
    void aNewCampaignMustNotExistYet() {
        // GIVEN a campaign whose id is already taken
        dynamo.failWritesWith(cancelled("ConditionalCheckFailed"));
        DynamoCampaignRepository campaigns = new DynamoCampaignRepository(dynamo, table, tokens());

        // WHEN it is created THEN the collision is an error, not an overwrite of the other campaign
        assertThatThrownBy(() -> campaigns.create(campaign(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("campaign id collision");
        Put header = dynamo.onlyWrite(TransactWriteItemsRequest.class).transactItems().get(0).put();
        assertThat(header.tableName()).isEqualTo(TABLE);
        assertThat(header.item().get("sk")).isEqualTo(text("CAMPAIGN#c1"));
        assertCondition(header.conditionExpression(), header.expressionAttributeNames(),
                header.expressionAttributeValues(), "attribute_not_exists(#pk)", Map.of("#pk", "pk"), NO_VALUES);
    }

    @Test
    void aCampaignUpdateNeedsTheVersionItWasReadAtAndAStoredCampaign() {
        // GIVEN version 3 was read, and another editor has stored version 4 meanwhile
        Clock clock = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);
        DynamoCampaignRepository campaigns = new DynamoCampaignRepository(dynamo, table, tokens(), clock);
        dynamo.store(campaignItem(campaign(3)));
        campaigns.find(USER, "c1").orElseThrow();
        dynamo.store(campaignItem(campaign(4)));
        dynamo.failWritesWith(cancelled("ConditionalCheckFailed"));

        // WHEN version 3 is written over it THEN the lost update is a 409 naming the stored version
        assertThatThrownBy(() -> campaigns.update(campaign(4), 3)).isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("is at version 4, not 3");
        Put header = dynamo.onlyWrite(TransactWriteItemsRequest.class).transactItems().get(0).put();
        // attribute_exists(#pk): an update must not re-create a campaign deleted meanwhile (or another owner's key);
        // the lease clause: nor write into a campaign whose many nodes another request is still writing
        assertCondition(header.conditionExpression(), header.expressionAttributeNames(),
                header.expressionAttributeValues(),
                "attribute_exists(#pk) AND #version = :expected AND (attribute_not_exists(#lease) OR #until < :now)",
                Map.of("#pk", "pk", "#version", "version", "#lease", "lease", "#until", "lease_until"),
                Map.of(":expected", number(3), ":now", number(clock.millis())));
    }

    @Test
    void anUpdateOfACampaignThatIsGoneIsNotFound() {
        dynamo.failWritesWith(ConditionalCheckFailedException.builder().build());
        DynamoCampaignRepository campaigns = new DynamoCampaignRepository(dynamo, table, tokens());

        assertThatThrownBy(() -> campaigns.update(campaign(4), 3)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aGenerationRunStartsOnlyWhenNoneIsRunning() {
        // GIVEN a run of the campaign is still going
        dynamo.failWritesWith(ConditionalCheckFailedException.builder().build());
        DynamoGenerationRunRepository runs = generationRuns();

        // WHEN another start is attempted THEN it is refused, so one campaign never runs twice at once
        assertThat(runs.start(USER, generationRun(1))).isFalse();
        PutItemRequest put = dynamo.onlyWrite(PutItemRequest.class);
        assertCondition(put.conditionExpression(), put.expressionAttributeNames(), put.expressionAttributeValues(),
                "attribute_not_exists(#sk) OR #status IN (:s0, :s1, :s2, :s3)", Map.of("#sk", "sk", "#status", "status"),
                Map.of(":s0", text("succeeded"), ":s1", text("completed_with_failures"), ":s2", text("failed"),
                        ":s3", text("stopped")));
    }

    @Test
    void aGenerationRunUpdateNeedsThePreviousVersion() {
        dynamo.failWritesWith(ConditionalCheckFailedException.builder().build());

        assertThatThrownBy(() -> generationRuns().update(USER, generationRun(5))).isInstanceOf(VersionConflictException.class);
        PutItemRequest put = dynamo.onlyWrite(PutItemRequest.class);
        assertCondition(put.conditionExpression(), put.expressionAttributeNames(), put.expressionAttributeValues(),
                "#version = :expected", Map.of("#version", "version"), Map.of(":expected", number(4)));
    }

    @Test
    void onlyAnOpenAssetRecordIsUpdated() {
        // GIVEN the record was finished by another delivery of the same job
        dynamo.failWritesWith(ConditionalCheckFailedException.builder().build());

        // WHEN the late delivery writes THEN it changes nothing: a ready asset is never reopened
        assertThat(assets().updateOpen(USER, asset())).isFalse();
        PutItemRequest put = dynamo.onlyWrite(PutItemRequest.class);
        assertCondition(put.conditionExpression(), put.expressionAttributeNames(), put.expressionAttributeValues(),
                "#status IN (:queued, :generating)", Map.of("#status", "status"),
                Map.of(":queued", text("queued"), ":generating", text("generating")));
    }

    @Test
    void aReservationIsOneAtomicAddWithinThePlan() {
        // GIVEN 2 images and $0.50 against a plan of 10 images and $20 a month
        DynamoUsageLedger ledger = new DynamoUsageLedger(dynamo, table);
        Plan plan = new Plan(PlanTier.BASIC, BigDecimal.TEN, BigDecimal.valueOf(20), Map.of(UsageKind.IMAGE, 10));
        UsageAmounts amounts = new UsageAmounts(Map.of(UsageKind.IMAGE, 2), new BigDecimal("0.50"));

        // WHEN it is reserved
        assertThat(ledger.reserve(USER, YearMonth.of(2026, 11), amounts, plan)).isTrue();

        // THEN the claimed counters may be at most limit - amount before the ADD (a condition cannot add), so two
        // concurrent reservations can never overspend the plan; dollars are integer micro-dollars so ADD stays exact
        UpdateItemRequest update = dynamo.onlyWrite(UpdateItemRequest.class);
        assertThat(update.key()).isEqualTo(Map.of("pk", text(PARTITION), "sk", text("USAGE#2026-11")));
        assertThat(update.updateExpression()).isEqualTo("ADD #a0 :v0, #a1 :v1, #a2 :v3, #a3 :v4");
        assertCondition(update.conditionExpression(), update.expressionAttributeNames(),
                update.expressionAttributeValues(),
                "(attribute_not_exists(#a1) OR #a1 <= :v2) AND (attribute_not_exists(#a3) OR #a3 <= :v5)",
                Map.of("#a0", "reserved_image", "#a1", "claimed_image", "#a2", "reserved_micros", "#a3", "claimed_micros"),
                Map.of(":v0", number(2), ":v1", number(2), ":v2", number(8), ":v3", number(500_000),
                        ":v4", number(500_000), ":v5", number(19_500_000)));
    }

    @Test
    void aReservationBeyondThePlanIsRefused() {
        DynamoUsageLedger ledger = new DynamoUsageLedger(dynamo, table);
        Plan plan = new Plan(PlanTier.BASIC, BigDecimal.TEN, BigDecimal.valueOf(20), Map.of(UsageKind.IMAGE, 10));
        dynamo.failWritesWith(ConditionalCheckFailedException.builder().build());

        assertThat(ledger.reserve(USER, YearMonth.of(2026, 11),
                new UsageAmounts(Map.of(UsageKind.IMAGE, 1), BigDecimal.ZERO), plan)).isFalse();
    }

    @Test
    void aQueuedAssetIsCreatedWithItsReservationOrNotAtAll() {
        // GIVEN the month's usage no longer has room
        dynamo.failWritesWith(cancelled("ConditionalCheckFailed", "None"));
        Plan plan = new Plan(PlanTier.BASIC, BigDecimal.TEN, BigDecimal.valueOf(20), Map.of(UsageKind.IMAGE, 10));

        // WHEN the asset is created THEN the plan is exceeded and neither the usage nor the record is written
        assertThat(assets().createReserved(USER, asset(), YearMonth.of(2026, 11), plan)).isFalse();
        List<TransactWriteItem> writes = dynamo.onlyWrite(TransactWriteItemsRequest.class).transactItems();
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0).update().conditionExpression()).startsWith("(attribute_not_exists(#a1) OR #a1 <= ");
        // the record's put must not replace an asset that exists (a redelivered job)
        assertNewItem(writes.get(1).put());
    }

    @Test
    void inventoryItemsAreCreatedOnceAndReplacedAtTheVersionRead() {
        DynamoInventoryRepository inventory = new DynamoInventoryRepository(dynamo, table);
        dynamo.failWritesWith(ConditionalCheckFailedException.builder().build());

        assertThat(inventory.replaceItem(USER, inventoryItem(3), 2)).isFalse();
        PutItemRequest put = dynamo.onlyWrite(PutItemRequest.class);
        assertCondition(put.conditionExpression(), put.expressionAttributeNames(), put.expressionAttributeValues(),
                "#version = :expected", Map.of("#version", "version"), Map.of(":expected", number(2)));
        assertThat(put.item().get("version")).isEqualTo(number(3));
    }

    @Test
    void aNewInventoryItemMustNotExistYet() {
        dynamo.failWritesWith(ConditionalCheckFailedException.builder().build());

        assertThat(new DynamoInventoryRepository(dynamo, table).createItem(USER, inventoryItem(1))).isFalse();
        PutItemRequest put = dynamo.onlyWrite(PutItemRequest.class);
        assertCondition(put.conditionExpression(), put.expressionAttributeNames(), put.expressionAttributeValues(),
                "attribute_not_exists(#sk)", Map.of("#sk", "sk"), NO_VALUES);
    }

    @Test
    void aProposalVersionIsWrittenOnceAndMovesTheCurrentPointerFromThePreviousVersion() {
        // GIVEN another change moved the proposal on meanwhile
        dynamo.failWritesWith(cancelled("None", "ConditionalCheckFailed"));
        DynamoProposalRepository proposals = new DynamoProposalRepository(dynamo, table, tokens());

        // WHEN version 2 is appended THEN it is a 409, and version 2 is neither stored twice nor half-visible
        assertThatThrownBy(() -> proposals.append(USER, proposal(2))).isInstanceOf(VersionConflictException.class);
        List<TransactWriteItem> writes = dynamo.onlyWrite(TransactWriteItemsRequest.class).transactItems();
        assertThat(writes).hasSize(2);
        assertNewItem(writes.get(0).put());
        Put current = writes.get(1).put();
        assertThat(current.item().get("sk")).isEqualTo(text("PROPCUR#c1#n1"));
        assertCondition(current.conditionExpression(), current.expressionAttributeNames(),
                current.expressionAttributeValues(), "#version = :expected", Map.of("#version", "version"),
                Map.of(":expected", number(1)));
    }

    @Test
    void anyCancelledProposalTransactionIsAConflict() {
        // a transaction conflict (two writers at once) is as much a lost race as a failed condition
        dynamo.failWritesWith(cancelled("TransactionConflict", "None"));
        DynamoProposalRepository proposals = new DynamoProposalRepository(dynamo, table, tokens());

        assertThatThrownBy(() -> proposals.append(USER, proposal(1))).isInstanceOf(VersionConflictException.class);
    }

    @Test
    void aScheduleVersionIsStoredOnceAndTheLatestCopyMovesFromThePreviousVersion() {
        dynamo.failWritesWith(cancelled("None", "ConditionalCheckFailed"));
        DynamoScheduleRepository schedules = new DynamoScheduleRepository(dynamo, table);

        assertThatThrownBy(() -> schedules.save(USER, schedule(3))).isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("schedule version 3");
        List<TransactWriteItem> writes = dynamo.onlyWrite(TransactWriteItemsRequest.class).transactItems();
        assertNewItem(writes.get(0).put());
        Put latest = writes.get(1).put();
        assertCondition(latest.conditionExpression(), latest.expressionAttributeNames(),
                latest.expressionAttributeValues(), "#version = :expected", Map.of("#version", "version"),
                Map.of(":expected", number(2)));
    }

    @Test
    void aScheduleTransactionCancelledForAnotherReasonIsNotAConflict() {
        // only a failed condition means "another build stored this version"; anything else must surface as it is
        dynamo.failWritesWith(cancelled("TransactionConflict", "None"));

        assertThatThrownBy(() -> new DynamoScheduleRepository(dynamo, table).save(USER, schedule(1)))
                .isInstanceOf(TransactionCanceledException.class);
        List<TransactWriteItem> writes = dynamo.onlyWrite(TransactWriteItemsRequest.class).transactItems();
        assertNewItem(writes.get(0).put());
        assertNewItem(writes.get(1).put());
    }

    @Test
    void metricDaysAreNewOrAtTheVersionTheImportMergedInto() {
        dynamo.failWritesWith(cancelled("ConditionalCheckFailed", "None"));
        DynamoMetricsRepository metrics = new DynamoMetricsRepository(dynamo, table);

        assertThatThrownBy(() -> metrics.saveAll(USER, "c1", List.of(
                new DailyMetrics(LocalDate.of(2026, 11, 1), Map.of(), 0),
                new DailyMetrics(LocalDate.of(2026, 11, 2), Map.of(), 2))))
                .isInstanceOf(VersionConflictException.class);
        List<TransactWriteItem> writes = dynamo.onlyWrite(TransactWriteItemsRequest.class).transactItems();
        assertNewItem(writes.get(0).put());
        Put known = writes.get(1).put();
        assertCondition(known.conditionExpression(), known.expressionAttributeNames(), known.expressionAttributeValues(),
                "#version = :expected", Map.of("#version", "version"), Map.of(":expected", number(2)));
        assertThat(known.item().get("version")).isEqualTo(number(3));
    }

    @Test
    void anOptimizationRunIsClaimedOncePerDayUnlessItFailed() {
        dynamo.failWritesWith(ConditionalCheckFailedException.builder().build());

        assertThat(new DynamoOptimizationRunRepository(dynamo, table)
                .claim(USER, "c1", LocalDate.of(2026, 11, 1), Instant.parse("2026-11-01T06:00:00Z"))).isFalse();
        PutItemRequest put = dynamo.onlyWrite(PutItemRequest.class);
        assertCondition(put.conditionExpression(), put.expressionAttributeNames(), put.expressionAttributeValues(),
                "attribute_not_exists(#sk) OR #status = :failed", Map.of("#sk", "sk", "#status", "status"),
                Map.of(":failed", text("failed")));
    }

    @Test
    void aBrandProfileIsCreatedOnceAndThenSavedAtTheVersionRead() {
        dynamo.failWritesWith(ConditionalCheckFailedException.builder().build());
        DynamoBrandProfileRepository profiles = new DynamoBrandProfileRepository(dynamo, table,
                Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));

        assertThatThrownBy(() -> profiles.save(USER, brandProfile(), 0L)).isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("not 0");
        UpdateItemRequest update = dynamo.onlyWrite(UpdateItemRequest.class);
        assertThat(update.conditionExpression()).isEqualTo("attribute_not_exists(#pk)");
        assertThat(update.expressionAttributeNames()).containsEntry("#pk", "pk");
        assertThat(update.updateExpression())
                .isEqualTo("SET #doc = :doc, #updated = :updated, #type = :type ADD #version :one");
    }

    @Test
    void aBoardMoveIsAppendedNeverOverwritten() {
        new DynamoBoardMoveRepository(dynamo, table).record(USER, "c1", document(
                "{'asset_id':'n1','action':'approve','at':'2026-11-01T00:00:00Z'}", BoardMove.class));

        assertNewItem(dynamo.onlyWrite(PutItemRequest.class));
    }

    @Test
    void anUploadRecordIsWrittenOnce() {
        new DynamoUploadRepository(dynamo, table).save(USER,
                new UploadRecord("u1", "a.png", "image/png", 10, "c1", "n1", Instant.parse("2026-11-01T00:00:00Z")));

        assertNewItem(dynamo.onlyWrite(PutItemRequest.class));
    }

    private DynamoGenerationRunRepository generationRuns() {
        DynamoUsageLedger ledger = new DynamoUsageLedger(dynamo, table);
        return new DynamoGenerationRunRepository(dynamo, table, ledger, assets());
    }

    private DynamoAssetRepository assets() {
        return new DynamoAssetRepository(dynamo, table, new DynamoUsageLedger(dynamo, table), tokens());
    }

    private static PageTokens tokens() {
        return new PageTokens(() -> new byte[32]);
    }

    private static void assertNewItem(Put put) {
        assertCondition(put.conditionExpression(), put.expressionAttributeNames(), put.expressionAttributeValues(),
                "attribute_not_exists(#sk)", Map.of("#sk", "sk"), NO_VALUES);
    }

    private static void assertNewItem(PutItemRequest put) {
        assertCondition(put.conditionExpression(), put.expressionAttributeNames(), put.expressionAttributeValues(),
                "attribute_not_exists(#sk)", Map.of("#sk", "sk"), NO_VALUES);
    }

    /** The whole condition: an unused name or value is rejected by DynamoDB, and a missing one fails the write. */
    private static void assertCondition(String expression, Map<String, String> names, Map<String, AttributeValue> values,
                                        String expectedExpression, Map<String, String> expectedNames,
                                        Map<String, AttributeValue> expectedValues) {
        assertThat(expression).isEqualTo(expectedExpression);
        assertThat(names).isEqualTo(expectedNames);
        assertThat(values).isEqualTo(expectedValues);
    }

    private static TransactionCanceledException cancelled(String... reasons) {
        return TransactionCanceledException.builder().cancellationReasons(List.of(reasons).stream()
                .map(code -> CancellationReason.builder().code(code).build()).toList()).build();
    }

    private static AttributeValue text(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    /** Documents are built from their stored JSON, so these tests keep to the stored shape, not to constructors. */
    private static <T> T document(String singleQuoted, Class<T> type) {
        try {
            return Json.mapper().readValue(singleQuoted.replace('\'', '"'), type);
        } catch (IOException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    private static Campaign campaign(long version) {
        return document("{'campaign_id':'c1','campaign_name':'Launch','goal':'product_launch','channels':[],"
                + "'phases':[],'asset_nodes':[],'status':'draft','created_at':'2026-11-01T10:00:00Z','version':"
                + version + "}", Campaign.class).withOwner(USER);
    }

    private Map<String, AttributeValue> campaignItem(Campaign campaign) {
        return Map.of("pk", text(PARTITION), "sk", text("CAMPAIGN#c1"), "doc", text(Json.write(campaign)),
                "version", number(campaign.version()));
    }

    private static GenerationRun generationRun(long version) {
        return document("{'run_id':'r1','campaign_id':'c1','status':'starting','autopilot':false,'asset_library_ids':{},'version':"
                + version + "}", GenerationRun.class);
    }

    private static AssetRecord asset() {
        return document("{'asset_library_id':'a1','campaign_id':'c1','asset_id':'n1','asset_type':'image',"
                + "'proposal_version':1,'attempts':0,'status':'queued','reserved':{'counts':{'image':1},'usd':0.10},'created_at':'2026-11-01T10:00:00Z'}",
                AssetRecord.class);
    }

    private static InventoryItem inventoryItem(long version) {
        return document("{'item_id':'i1','campaign_id':'c1','bytes':0,'version':" + version + "}", InventoryItem.class);
    }

    private static Proposal proposal(long version) {
        return document("{'asset_id':'n1','campaign_id':'c1','asset_type':'image','version':" + version + "}",
                Proposal.class);
    }

    private static Schedule schedule(long version) {
        return document("{'campaign_id':'c1','version':" + version + ",'schedule':[],'warnings':[]}", Schedule.class);
    }

    private static BrandProfile brandProfile() {
        return document("{}", BrandProfile.class);
    }
}
