package dev.pms.aws.dynamodb;

import dev.pms.core.common.Page;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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

    private final TableItems items;
    private final PageTokens pageTokens;

    public DynamoProposalRepository(DynamoDbClient dynamo, AppTable table, PageTokens pageTokens) {
        this.items = new TableItems(dynamo, table);
        this.pageTokens = pageTokens;
    }

    /** The sort-key prefixes of every proposal item of a campaign (current pointers and versions). */
    static List<String> keyPrefixesOf(String campaignId) {
        return List.of(CURRENT_PREFIX + campaignId + "#", VERSION_PREFIX + campaignId + "#");
    }

    @Override
    public List<Proposal> currentFor(String userId, String campaignId) {
        PrefixQuery query = PrefixQuery.sortKey(AppTable.tenantKey(userId), CURRENT_PREFIX + campaignId + "#").consistent();
        return items.all(query).stream().map(DynamoProposalRepository::fromItem).toList();
    }

    @Override
    public Optional<Proposal> current(String userId, String campaignId, String assetId) {
        return items.get(TableItems.key(AppTable.tenantKey(userId), currentKey(campaignId, assetId)))
                .map(DynamoProposalRepository::fromItem);
    }

    @Override
    public Page<Proposal> versions(String userId, String campaignId, String assetId, int limit, String nextToken) {
        PrefixQuery query = PrefixQuery.sortKey(AppTable.tenantKey(userId), VERSION_PREFIX + campaignId + "#" + assetId + "#")
                .consistent();
        return items.page(query, "proposal-versions/" + campaignId + "/" + assetId, pageTokens, limit, nextToken,
                DynamoProposalRepository::fromItem);
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
                    writes.add(TransactWriteItem.builder().delete(items.deletion(TableItems.key(AppTable.tenantKey(userId),
                            versionKey(proposal.campaignId(), proposal.assetId(), proposal.version() - VERSIONS_KEPT))))
                            .build());
                }
            }
            items.transact(writes, anyCancellation -> true, () -> new VersionConflictException("a proposal of campaign "
                    + batch.get(0).campaignId() + " changed while this change was made; reload the proposals and apply it again"));
        }
    }

    private Put versionPut(String userId, Proposal proposal) {
        return items.put(item(userId, versionKey(proposal), proposal), Condition.ABSENT);
    }

    private Put currentPut(String userId, Proposal proposal) {
        return items.put(item(userId, currentKey(proposal.campaignId(), proposal.assetId()), proposal),
                Condition.replacing(proposal.version() - 1));
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
        item.put(AppTable.DOCUMENT, Documents.of(ProposalDocument.of(proposal)));
        return item;
    }

    private static Proposal fromItem(Map<String, AttributeValue> item) {
        return Documents.read(item, ProposalDocument.class).toProposal();
    }
}
