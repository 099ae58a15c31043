package dev.pms.aws.dynamodb;

import dev.pms.core.board.BoardMove;
import dev.pms.core.board.BoardMoveRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The board's move log: one append-only item per move, {@code sk = BOARDMOVE#<campaign>#<at>#<asset>#<random>}. */
@Singleton
public class DynamoBoardMoveRepository implements BoardMoveRepository {
    private final TableItems items;

    public DynamoBoardMoveRepository(DynamoDbClient dynamo, AppTable table) {
        this.items = new TableItems(dynamo, table);
    }

    @Override
    public void record(String userId, String campaignId, BoardMove move) {
        items.write(items.put(toItem(userId, campaignId, move), Condition.ABSENT));
    }

    @Override
    public List<BoardMove> recent(String userId, String campaignId, int limit) {
        PrefixQuery query = PrefixQuery.sortKey(AppTable.tenantKey(userId), prefix(campaignId)).newestFirst();
        return items.first(query, limit).stream().map(DynamoBoardMoveRepository::fromItem).toList();
    }

    private static Map<String, AttributeValue> toItem(String userId, String campaignId, BoardMove move) {
        Map<String, AttributeValue> item = TableItems.newItem(AppTable.tenantKey(userId),
                prefix(campaignId) + move.at() + "#" + move.assetId() + "#" + UUID.randomUUID(), "board_move");
        item.put(AppTable.DOCUMENT, Documents.of(move));
        return item;
    }

    private static BoardMove fromItem(Map<String, AttributeValue> item) {
        return Documents.read(item, BoardMove.class);
    }

    private static String prefix(String campaignId) {
        return CampaignOpsKeys.BOARD_MOVE + campaignId + "#";
    }
}
