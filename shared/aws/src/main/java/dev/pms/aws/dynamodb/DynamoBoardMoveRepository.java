package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.board.BoardMove;
import dev.pms.core.board.BoardMoveRepository;
import dev.pms.core.json.Json;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The board's move log: one append-only item per move, {@code sk = BOARDMOVE#<campaign>#<at>#<asset>#<random>}. */
@Singleton
public class DynamoBoardMoveRepository implements BoardMoveRepository {
    private final DynamoDbClient dynamo;
    private final AppTable table;

    public DynamoBoardMoveRepository(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(String userId, String campaignId, BoardMove move) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AppTable.PK, Attr.s(AppTable.tenantKey(userId)));
        item.put(AppTable.SK, Attr.s(prefix(campaignId) + move.at() + "#" + move.assetId() + "#" + UUID.randomUUID()));
        item.put(AppTable.TYPE, Attr.s("board_move"));
        try {
            item.put(AppTable.DOCUMENT, Attr.s(Json.mapper().writeValueAsString(move)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("board move cannot be serialised", e);
        }
        dynamo.putItem(put -> put.tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", AppTable.SK)));
    }

    @Override
    public List<BoardMove> recent(String userId, String campaignId, int limit) {
        var response = dynamo.query(query -> query.tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#sk", AppTable.SK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(AppTable.tenantKey(userId)),
                        ":prefix", Attr.s(prefix(campaignId))))
                .scanIndexForward(false)
                .limit(limit));
        List<BoardMove> moves = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            try {
                moves.add(Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), BoardMove.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored board move " + item.get(AppTable.SK).s() + " is unreadable", e);
            }
        }
        return moves;
    }

    private static String prefix(String campaignId) {
        return CampaignOpsKeys.BOARD_MOVE + campaignId + "#";
    }
}
