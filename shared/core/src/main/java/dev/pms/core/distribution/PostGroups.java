package dev.pms.core.distribution;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.channel.AssetType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The posts of a schedule. Assets of one channel and phase joined by their dependencies (a caption and the image it
 * was written for, a video with its cover) are published together as one post in one slot; any other asset is a
 * post of its own.
 */
final class PostGroups {

    /** One post: its id is the asset id of its copy, or of its main media when it has no copy. */
    record Group(String postId, List<AssetNode> members) {
        Group {
            members = List.copyOf(members);
        }

        AssetNode lead() {
            return members.stream().filter(node -> node.assetId().equals(postId)).findFirst().orElseThrow();
        }

        /** The latest due date of its assets: the post goes out once all of them are due. */
        LocalDate dueDate() {
            return members.stream().map(AssetNode::dueDate).filter(Objects::nonNull).max(Comparator.naturalOrder())
                    .orElse(null);
        }
    }

    private PostGroups() {
    }

    static List<Group> of(List<AssetNode> nodes) {
        Map<String, AssetNode> byId = new LinkedHashMap<>();
        nodes.forEach(node -> byId.put(node.assetId(), node));
        Map<String, String> parent = new HashMap<>();
        byId.keySet().forEach(id -> parent.put(id, id));
        for (AssetNode node : byId.values()) {
            for (String dependency : node.dependsOn()) {
                AssetNode required = byId.get(dependency);
                if (required != null && required.channel() == node.channel()
                        && Objects.equals(required.phase(), node.phase())) {
                    parent.put(root(parent, node.assetId()), root(parent, dependency));
                }
            }
        }
        Map<String, List<AssetNode>> byRoot = new LinkedHashMap<>();
        for (AssetNode node : byId.values()) {
            byRoot.computeIfAbsent(root(parent, node.assetId()), key -> new ArrayList<>()).add(node);
        }
        return byRoot.values().stream().map(members -> new Group(lead(members).assetId(), members)).toList();
    }

    /** Video first, then still images, then the ingredients (presenter, voice), then copy. */
    static int mediaRank(AssetType type) {
        return switch (type) {
            case VIDEO -> 0;
            case IMAGE -> 1;
            case AVATAR -> 2;
            case AUDIO -> 3;
            case TEXT -> 4;
        };
    }

    private static AssetNode lead(List<AssetNode> members) {
        return members.stream().filter(node -> node.assetType() == AssetType.TEXT).findFirst()
                .orElseGet(() -> members.stream().min(Comparator.comparingInt(node -> mediaRank(node.assetType())))
                        .orElseThrow());
    }

    private static String root(Map<String, String> parent, String id) {
        String current = id;
        while (!parent.get(current).equals(current)) {
            current = parent.get(current);
        }
        return current;
    }
}
