package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.common.Page;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Versioned proposals. Each version is an immutable item ({@code PROPVER#<campaign>#<asset>#<v>}, written
 * once); the current version is a second item ({@code PROPCUR#<campaign>#<asset>}) whose {@code version}
 * guards the move. Both are written in one transaction, so a version is never lost or half-visible; the same
 * transaction deletes the version that falls out of the kept history ({@link ProposalRepository#VERSIONS_KEPT}).
 */
@Singleton
public class DynamoProposalRepository implements ProposalRepository {
    private static final String CURRENT_PREFIX = "PROPCUR#";
    private static final String VERSION_PREFIX = "PROPVER#";
    /** Three writes per proposal (version, current pointer, dropped version) within DynamoDB's 100 per transaction. */
    private static final int PROPOSALS_PER_TRANSACTION = 33;

    private final DynamoDbClient dynamo;
    private final AppTable table;
    private final PageTokens pageTokens;

    public DynamoProposalRepository(DynamoDbClient dynamo, AppTable table, PageTokens pageTokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.pageTokens = pageTokens;
    }

    /** The sort-key prefixes of every proposal item of a campaign (current pointers and versions). */
    static List<String> keyPrefixesOf(String campaignId) {
        return List.of(CURRENT_PREFIX + campaignId + "#", VERSION_PREFIX + campaignId + "#");
    }

    @Override
    public List<Proposal> currentFor(String userId, String campaignId) {
        return queryAll(userId, CURRENT_PREFIX + campaignId + "#", true);
    }

    @Override
    public Optional<Proposal> current(String userId, String campaignId, String assetId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table.name())
                .key(Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)),
                        AppTable.SK, Attr.s(currentKey(campaignId, assetId))))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Page<Proposal> versions(String userId, String campaignId, String assetId, int limit, String nextToken) {
        String partition = AppTable.tenantKey(userId);
        String prefix = VERSION_PREFIX + campaignId + "#" + assetId + "#";
        String query = "proposal-versions/" + campaignId + "/" + assetId;
        Map<String, AttributeValue> startKey = nextToken == null ? null
                : pageTokens.decode(nextToken, partition, query, prefix);
        QueryRequest.Builder request = QueryRequest.builder().tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#sk", AppTable.SK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(partition), ":prefix", Attr.s(prefix)))
                .scanIndexForward(true)
                .consistentRead(true)
                .limit(limit);
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        QueryResponse response = dynamo.query(request.build());
        List<Proposal> page = response.items().stream().map(DynamoProposalRepository::fromItem).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !page.isEmpty();
        String token = more ? pageTokens.encode(response.lastEvaluatedKey(), partition, query) : null;
        return new Page<>(page, token);
    }

    @Override
    public void append(String userId, Proposal proposal) {
        appendAll(userId, List.of(proposal));
    }

    @Override
    public void appendAll(String userId, List<Proposal> proposals) {
        for (int from = 0; from < proposals.size(); from += PROPOSALS_PER_TRANSACTION) {
            List<Proposal> batch = proposals.subList(from, Math.min(proposals.size(), from + PROPOSALS_PER_TRANSACTION));
            List<TransactWriteItem> writes = new ArrayList<>();
            for (Proposal proposal : batch) {
                writes.add(TransactWriteItem.builder().put(versionPut(userId, proposal)).build());
                writes.add(TransactWriteItem.builder().put(currentPut(userId, proposal)).build());
                if (proposal.version() > VERSIONS_KEPT) {
                    writes.add(TransactWriteItem.builder().delete(delete -> delete.tableName(table.name())
                            .key(Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)), AppTable.SK, Attr.s(
                                    versionKey(proposal.campaignId(), proposal.assetId(),
                                            proposal.version() - VERSIONS_KEPT))))).build());
                }
            }
            try {
                dynamo.transactWriteItems(request -> request.transactItems(writes));
            } catch (TransactionCanceledException e) {
                throw new VersionConflictException("a proposal of campaign " + batch.get(0).campaignId()
                        + " changed while this change was made; reload the proposals and apply it again");
            }
        }
    }

    private Put versionPut(String userId, Proposal proposal) {
        Map<String, AttributeValue> item = item(userId, versionKey(proposal), proposal);
        return Put.builder().tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", AppTable.SK))
                .build();
    }

    private Put currentPut(String userId, Proposal proposal) {
        Map<String, AttributeValue> item = item(userId, currentKey(proposal.campaignId(), proposal.assetId()), proposal);
        Put.Builder put = Put.builder().tableName(table.name()).item(item);
        if (proposal.version() <= 1) {
            return put.conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", AppTable.SK)).build();
        }
        return put.conditionExpression("#version = :previous")
                .expressionAttributeNames(Map.of("#version", AppTable.VERSION))
                .expressionAttributeValues(Map.of(":previous", Attr.n(proposal.version() - 1)))
                .build();
    }

    private List<Proposal> queryAll(String userId, String prefix, boolean ascending) {
        List<Proposal> proposals = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#sk", AppTable.SK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(AppTable.tenantKey(userId)), ":prefix", Attr.s(prefix)))
                    .scanIndexForward(ascending)
                    .consistentRead(true);
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse response = dynamo.query(query.build());
            response.items().forEach(item -> proposals.add(fromItem(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return proposals;
    }

    private static String currentKey(String campaignId, String assetId) {
        return CURRENT_PREFIX + campaignId + "#" + assetId;
    }

    private static String versionKey(Proposal proposal) {
        return versionKey(proposal.campaignId(), proposal.assetId(), proposal.version());
    }

    private static String versionKey(String campaignId, String assetId, long version) {
        return VERSION_PREFIX + campaignId + "#" + assetId + "#" + String.format("%010d", version);
    }

    private static Map<String, AttributeValue> item(String userId, String sortKey, Proposal proposal) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AppTable.PK, Attr.s(AppTable.tenantKey(userId)));
        item.put(AppTable.SK, Attr.s(sortKey));
        item.put(AppTable.TYPE, Attr.s("proposal"));
        item.put(AppTable.VERSION, Attr.n(proposal.version()));
        try {
            item.put(AppTable.DOCUMENT, Attr.s(Json.mapper().writeValueAsString(ProposalDocument.of(proposal))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("proposal cannot be serialised", e);
        }
        return item;
    }

    private static Proposal fromItem(Map<String, AttributeValue> item) {
        try {
            return Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), ProposalDocument.class).toProposal();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored proposal " + item.get(AppTable.SK).s() + " is unreadable", e);
        }
    }
}
