package dev.pms.aws.dynamodb;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignNodes;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.common.Page;
import dev.pms.core.error.VersionConflictException;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.LocalAwsExtension;
import dev.pms.emulators.ProvisionedResources;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Campaigns as a header and node items, against the local DynamoDB emulator. */
@ExtendWith(LocalAwsExtension.class)
class DynamoCampaignLayoutIntegrationTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");
    private static ApplicationContext context;
    private static DynamoDbClient dynamo;
    private static AppTable table;
    private static PageTokens tokens;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.start(aws, resources);
        dynamo = context.getBean(DynamoDbClient.class);
        table = context.getBean(AppTable.class);
        tokens = context.getBean(PageTokens.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aNodeMoveWritesTheHeaderAndThatNodeOnly() {
        DynamoCampaignRepository campaigns = repository();
        Campaign campaign = campaign(newUser(), 40);
        campaigns.create(campaign);

        Campaign moved = moveFirstNode(campaign, NodeStatus.PROPOSED);
        campaigns.update(moved, 1);

        List<Map<String, AttributeValue>> stored = itemsOf(campaign);
        assertThat(stored).hasSize(41);
        assertThat(stored).filteredOn(item -> item.get("sk").s().contains("#NODE#"))
                .filteredOn(item -> item.get("written_at").n().equals("2")).hasSize(1);
        assertThat(campaigns.find(campaign.userId(), campaign.campaignId())).contains(moved);
        assertThat(repository().find(campaign.userId(), campaign.campaignId())).contains(moved);
    }

    @Test
    void aTargetedMoveReadsAndWritesOnlyTheHeaderAndTheMovedNodeAndKeepsTheStatusCounts() {
        DynamoCampaignRepository campaigns = repository();
        Campaign campaign = campaign(newUser(), 40);
        campaigns.create(campaign);
        String first = campaign.assetNodes().get(0).assetId();

        CampaignNodes part = repository().findNodes(campaign.userId(), campaign.campaignId(), Set.of(first, "no-such-node"))
                .orElseThrow();
        assertThat(part.campaign().assetNodes()).extracting(AssetNode::assetId).containsExactly(first);
        assertThat(part.campaign().version()).isEqualTo(1);
        assertThat(part.statusCounts()).isEqualTo(Map.of(NodeStatus.PLANNED, 40));

        AssetNode proposed = part.campaign().assetNodes().get(0).withStatus(NodeStatus.PROPOSED);
        repository().updateNodes(part, List.of(proposed), CampaignStatus.DRAFT, CREATED.plusSeconds(5));

        assertThat(itemsOf(campaign)).filteredOn(item -> item.get("written_at") != null
                && item.get("written_at").n().equals("2")).hasSize(1);
        Campaign read = repository().find(campaign.userId(), campaign.campaignId()).orElseThrow();
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.updatedAt()).isEqualTo(CREATED.plusSeconds(5));
        assertThat(read.assetNodes().get(0)).isEqualTo(proposed);
        assertThat(read.assetNodes().subList(1, 40)).isEqualTo(campaign.assetNodes().subList(1, 40));
        assertThat(repository().findNodes(campaign.userId(), campaign.campaignId(), Set.of(first)).orElseThrow()
                .statusCounts()).isEqualTo(Map.of(NodeStatus.PLANNED, 39, NodeStatus.PROPOSED, 1));
        assertThatThrownBy(() -> repository().updateNodes(part, List.of(proposed), CampaignStatus.DRAFT, CREATED))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("is at version 2, not 1");
    }

    @Test
    void aCampaignLargerThanATransactionIsCreatedChangedWhollyAndReadBackInPlanOrder() {
        DynamoCampaignRepository campaigns = repository();
        Campaign campaign = campaign(newUser(), 230);
        campaigns.create(campaign);
        assertThat(repository().find(campaign.userId(), campaign.campaignId())).contains(campaign);

        Campaign allProposed = campaign.withNodes(campaign.assetNodes().stream()
                .map(node -> node.withStatus(NodeStatus.PROPOSED)).toList()).revised(CREATED.plusSeconds(60));
        campaigns.update(allProposed, 1);

        Campaign read = repository().find(campaign.userId(), campaign.campaignId()).orElseThrow();
        assertThat(read).isEqualTo(allProposed);
        Map<String, AttributeValue> header = headerOf(campaign);
        assertThat(header).doesNotContainKeys("lease", "lease_until");
        assertThat(largestItemBytes(campaign)).isLessThan(100 * 1024);
    }

    @Test
    void aWriteFromAStaleVersionIsAConflictEvenWhenItsNodesWouldFitOneTransaction() {
        Campaign campaign = campaign(newUser(), 5);
        DynamoCampaignRepository first = repository();
        DynamoCampaignRepository second = repository();
        first.create(campaign);
        second.find(campaign.userId(), campaign.campaignId()).orElseThrow();

        first.update(moveFirstNode(campaign, NodeStatus.PROPOSED), 1);

        assertThatThrownBy(() -> second.update(moveFirstNode(campaign, NodeStatus.REJECTED), 1))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("is at version 2, not 1");
        assertThat(second.find(campaign.userId(), campaign.campaignId()).orElseThrow().assetNodes().get(0).status())
                .isEqualTo(NodeStatus.PROPOSED);
    }

    @Test
    void anotherWritersLeaseHoldsWritesOffUntilItExpires() {
        Campaign campaign = campaign(newUser(), 3);
        DynamoCampaignRepository campaigns = repository();
        campaigns.create(campaign);
        Instant now = Instant.now();
        lease(campaign, now.plusSeconds(20));

        assertThatThrownBy(() -> campaigns.update(moveFirstNode(campaign, NodeStatus.PROPOSED), 1))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("being changed by another request");

        DynamoCampaignRepository later = new DynamoCampaignRepository(dynamo, table, tokens,
                Clock.fixed(now.plusSeconds(21), ZoneOffset.UTC));
        Campaign moved = moveFirstNode(campaign, NodeStatus.PROPOSED);
        later.update(moved, 1);
        assertThat(later.find(campaign.userId(), campaign.campaignId())).contains(moved);
    }

    @Test
    void aCampaignStoredAsOneItemReadsAsItIsAndTakesTheNewLayoutAtItsNextWrite() {
        Campaign campaign = campaign(newUser(), 4);
        Map<String, AttributeValue> legacy = TableItems.newItem(
                CampaignItems.headerKey(campaign.userId(), campaign.campaignId()), "campaign");
        legacy.put(AppTable.LSI1_SK, Attr.s("CAMPAIGN#" + campaign.createdAt() + "#" + campaign.campaignId()));
        legacy.put("status", Attr.s(campaign.status().code()));
        legacy.put(AppTable.VERSION, Attr.n(1));
        legacy.put(AppTable.DOCUMENT, Documents.of(CampaignDocument.of(campaign)));
        dynamo.putItem(put -> put.tableName(table.name()).item(legacy));
        DynamoCampaignRepository campaigns = repository();

        assertThat(campaigns.find(campaign.userId(), campaign.campaignId())).contains(campaign);
        Campaign moved = moveFirstNode(campaign, NodeStatus.PROPOSED);
        campaigns.update(moved, 1);

        assertThat(itemsOf(campaign)).hasSize(5);
        assertThat(repository().find(campaign.userId(), campaign.campaignId())).contains(moved);
        assertThat(repository().list(campaign.userId(), null, 10, null).items()).containsExactly(moved);
    }

    @Test
    void aListingPageEndsBeforeItWouldCarryMoreNodesThanItsBudgetAndContinuesFromThere() {
        String owner = newUser();
        DynamoCampaignRepository campaigns = new DynamoCampaignRepository(dynamo, table, tokens, Clock.systemUTC(), 50);
        List<Campaign> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Campaign campaign = campaign(owner, 30, CREATED.plusSeconds(i));
            campaigns.create(campaign);
            created.add(campaign);
        }

        Page<Campaign> first = campaigns.list(owner, null, 10, null);
        assertThat(first.items()).containsExactly(created.get(2));
        assertThat(first.nextToken()).isNotNull();
        Page<Campaign> second = campaigns.list(owner, null, 10, first.nextToken());
        assertThat(second.items()).containsExactly(created.get(1));
        Page<Campaign> third = campaigns.list(owner, null, 10, second.nextToken());
        assertThat(third.items()).containsExactly(created.get(0));
        assertThat(third.nextToken()).isNull();
    }

    @Test
    void deletingACampaignDeletesItsNodeItems() {
        DynamoCampaignRepository campaigns = repository();
        Campaign campaign = campaign(newUser(), 120);
        campaigns.create(campaign);

        assertThat(campaigns.delete(campaign.userId(), campaign.campaignId())).isTrue();

        assertThat(itemsOf(campaign)).isEmpty();
    }

    private static DynamoCampaignRepository repository() {
        return new DynamoCampaignRepository(dynamo, table, tokens);
    }

    private static void lease(Campaign campaign, Instant until) {
        dynamo.updateItem(update -> update.tableName(table.name())
                .key(CampaignItems.headerKey(campaign.userId(), campaign.campaignId()))
                .updateExpression("SET #lease = :lease, #until = :until")
                .expressionAttributeNames(Map.of("#lease", "lease", "#until", "lease_until"))
                .expressionAttributeValues(Map.of(":lease", Attr.s("another-writer"),
                        ":until", Attr.n(until.toEpochMilli()))));
    }

    private static List<Map<String, AttributeValue>> itemsOf(Campaign campaign) {
        return new TableItems(dynamo, table).all(PrefixQuery.sortKey(AppTable.tenantKey(campaign.userId()),
                CampaignItems.headerSortKey(campaign.campaignId())).consistent());
    }

    private static Map<String, AttributeValue> headerOf(Campaign campaign) {
        return new TableItems(dynamo, table).get(CampaignItems.headerKey(campaign.userId(), campaign.campaignId()))
                .orElseThrow();
    }

    /** DynamoDB's item size: each attribute's name and value in UTF-8 (numbers counted as their digits). */
    private static int largestItemBytes(Campaign campaign) {
        return itemsOf(campaign).stream().mapToInt(DynamoCampaignLayoutIntegrationTest::size).max().orElse(0);
    }

    private static int size(Map<String, AttributeValue> attributes) {
        return attributes.entrySet().stream().mapToInt(attribute -> utf8(attribute.getKey())
                + (attribute.getValue().hasM() ? size(attribute.getValue().m())
                : utf8(attribute.getValue().s() != null ? attribute.getValue().s() : attribute.getValue().n()))).sum();
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Campaign moveFirstNode(Campaign campaign, NodeStatus status) {
        List<AssetNode> nodes = new ArrayList<>(campaign.assetNodes());
        nodes.set(0, nodes.get(0).withStatus(status));
        return campaign.withNodes(nodes).revised(CREATED.plusSeconds(30));
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    private static Campaign campaign(String owner, int nodeCount) {
        return campaign(owner, nodeCount, CREATED);
    }

    private static Campaign campaign(String owner, int nodeCount, Instant createdAt) {
        LocalDate start = LocalDate.of(2026, 12, 1);
        Phase teaser = new Phase("teaser", 7, "build anticipation", start, start.plusDays(6));
        List<AssetNode> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(new AssetNode(UUID.randomUUID().toString(), i % 2 == 0 ? AssetType.IMAGE : AssetType.TEXT,
                    Channel.INSTAGRAM, "teaser", "instagram/feed_portrait", "Teaser " + i, NodeStatus.PLANNED,
                    start.plusDays(i % 7), i == 0 ? List.of() : List.of(nodes.get(0).assetId())));
        }
        return new Campaign(UUID.randomUUID().toString(), owner,
                new Campaign.Brief("Launch " + createdAt, Goal.PRODUCT_LAUNCH, "1k sign-ups", List.of(Channel.INSTAGRAM)),
                new Campaign.Plan(List.of(teaser), nodes, Map.of("product_name", "Acme")),
                CampaignStatus.DRAFT, new Campaign.Schedule(start, start.plusDays(6)),
                Campaign.Revision.first(createdAt));
    }
}
