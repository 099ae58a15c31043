package dev.pms.core.inventory;

import dev.pms.core.asset.PublishedAssets;

import java.util.Map;

/** {@link PublishedAssets} from the campaign's variant board: the variant each node took at the last publish. */
public final class BoardPublishedAssets implements PublishedAssets {
    private final InventoryRepository inventory;

    public BoardPublishedAssets(InventoryRepository inventory) {
        this.inventory = inventory;
    }

    @Override
    public Map<String, String> published(String userId, String campaignId) {
        return inventory.findBoard(userId, campaignId)
                .map(board -> board.publication() == null ? Map.<String, String>of() : board.publication().nodes())
                .orElse(Map.of());
    }
}
