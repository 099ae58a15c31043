package dev.pms.core.generation;

import dev.pms.core.support.AssetRecordBuilder;
import dev.pms.core.support.CampaignBuilder;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Map's items list every node after the nodes it depends on, so a waiting video never blocks its image. */
class DependencyOrderTest {

    private static AssetNode node(String id, AssetType type, String... dependsOn) {
        return new AssetNode(id, type, Channel.YOUTUBE, "launch", "youtube/video", id, NodeStatus.APPROVED, null,
                List.of(dependsOn));
    }

    private static AssetRecord record(String nodeId) {
        return AssetRecordBuilder.asset("lib-" + nodeId).node("c", nodeId).run("r", 1)
                .kind(AssetType.IMAGE, Channel.YOUTUBE, "youtube/video").at(Instant.EPOCH).build();
    }

    private static Campaign campaign(List<AssetNode> nodes) {
        return CampaignBuilder.campaign("c", "u").named("n").channels(Channel.YOUTUBE).nodes(nodes)
                .status(CampaignStatus.PROPOSED).at(Instant.EPOCH).build();
    }

    @Test
    void dependenciesComeFirstAndUnrelatedNodesKeepTheirOrder() {
        List<AssetNode> nodes = List.of(node("video", AssetType.VIDEO, "thumb", "presenter"),
                node("presenter", AssetType.AVATAR, "voice"), node("copy", AssetType.TEXT),
                node("voice", AssetType.AUDIO), node("thumb", AssetType.IMAGE));
        Campaign campaign = campaign(nodes);
        List<AssetRecord> records = nodes.stream().map(n -> record(n.assetId())).toList();

        List<String> order = GenerationWorkflow.dependenciesFirst(campaign, records).stream()
                .map(AssetRecord::assetId).toList();

        assertThat(order).containsExactly("copy", "voice", "thumb", "presenter", "video");
    }

    @Test
    void aCycleDoesNotLoopForever() {
        List<AssetNode> nodes = List.of(node("a", AssetType.IMAGE, "b"), node("b", AssetType.IMAGE, "a"));
        Campaign campaign = campaign(nodes);

        assertThat(GenerationWorkflow.dependenciesFirst(campaign, List.of(record("a"), record("b")))).hasSize(2);
    }

    @Test
    void aRunTakesTheFirstBatchInDependencyOrderSoEveryInputIsMadeNoLaterThanWhatNeedsIt() {
        List<AssetNode> nodes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            nodes.add(node("caption-" + i, AssetType.TEXT, "image-" + i));
            nodes.add(node("image-" + i, AssetType.IMAGE));
        }
        Campaign campaign = campaign(nodes);
        List<AssetRecord> records = nodes.stream().map(n -> record(n.assetId())).toList();

        List<String> batch = GenerationWorkflow.firstBatch(campaign, records).stream().map(AssetRecord::assetId).toList();

        assertThat(batch).hasSize(GenerationWorkflow.MAX_ASSETS_PER_RUN);
        assertThat(batch).filteredOn(id -> id.startsWith("caption-"))
                .allSatisfy(caption -> assertThat(batch).contains(caption.replace("caption-", "image-")));
    }
}
