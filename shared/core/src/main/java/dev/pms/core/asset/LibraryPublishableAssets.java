package dev.pms.core.asset;

import dev.pms.core.distribution.PublishableAsset;
import dev.pms.core.distribution.PublishableAssets;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.media.UploadRecord;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.media.UploadService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each node's ready asset from the campaign's latest generation run (its copy or its stored file); a node without one
 * falls back to its latest upload.
 */
public final class LibraryPublishableAssets implements PublishableAssets {
    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final UploadRepository uploads;
    private final PublishedAssets published;

    public LibraryPublishableAssets(GenerationRunRepository runs, AssetRepository assets, UploadRepository uploads) {
        this(runs, assets, uploads, PublishedAssets.none());
    }

    /** With the assets nodes adopted when variants were published (the newer one wins over a generated one). */
    public LibraryPublishableAssets(GenerationRunRepository runs, AssetRepository assets, UploadRepository uploads,
                                    PublishedAssets published) {
        this.runs = runs;
        this.assets = assets;
        this.uploads = uploads;
        this.published = published;
    }

    /**
     * The ready record of each node: from the campaign's latest run, or adopted through a publish, whichever is newer;
     * {@code wanted} limits the nodes (null: all).
     */
    static Map<String, AssetRecord> current(String userId, String campaignId, GenerationRunRepository runs,
                                            AssetRepository assets, PublishedAssets published, Set<String> wanted) {
        Map<String, String> byNode = new LinkedHashMap<>();
        runs.find(userId, campaignId).ifPresent(run -> run.assetLibraryIds().forEach((node, id) -> {
            if (wanted == null || wanted.contains(node)) {
                byNode.put(node, id);
            }
        }));
        Map<String, String> adopted = new LinkedHashMap<>();
        published.published(userId, campaignId).forEach((node, id) -> {
            if (wanted == null || wanted.contains(node)) {
                adopted.put(node, id);
            }
        });
        Set<String> ids = new LinkedHashSet<>(byNode.values());
        ids.addAll(adopted.values());
        Map<String, AssetRecord> records = new HashMap<>();
        for (AssetRecord record : assets.findAll(userId, ids)) {
            if (record.status() == AssetStatus.READY) {
                records.put(record.assetLibraryId(), record);
            }
        }
        Map<String, AssetRecord> current = new LinkedHashMap<>();
        byNode.forEach((node, id) -> {
            if (records.containsKey(id)) {
                current.put(node, records.get(id));
            }
        });
        adopted.forEach((node, id) -> {
            AssetRecord record = records.get(id);
            AssetRecord generated = current.get(node);
            if (record != null && (generated == null || record.updatedAt().isAfter(generated.updatedAt()))) {
                current.put(node, record);
            }
        });
        return current;
    }

    @Override
    public Map<String, PublishableAsset> current(String userId, String campaignId, Collection<String> assetIds) {
        Set<String> wanted = new HashSet<>(assetIds);
        Map<String, PublishableAsset> current = new LinkedHashMap<>();
        current(userId, campaignId, runs, assets, published, wanted).forEach((node, asset) ->
                current.put(node, new PublishableAsset(node, asset.textContent(), asset.storageKey(),
                        shownText(asset.details()))));
        if (current.size() < wanted.size()) {
            Set<String> generated = Set.copyOf(current.keySet());
            for (UploadRecord upload : uploads.forCampaign(userId, campaignId)) {
                if (upload.nodeId() != null && wanted.contains(upload.nodeId()) && !generated.contains(upload.nodeId())) {
                    current.put(upload.nodeId(), new PublishableAsset(upload.nodeId(), null,
                            UploadService.keyOf(userId, upload.assetId())));
                }
            }
        }
        return current;
    }

    /** The sentences drawn on an image ({@code headline}, {@code subline}, {@code cta}) or shown by a video's slides. */
    static String shownText(Map<String, Object> details) {
        List<String> lines = new ArrayList<>();
        if (details.get("slide_texts") instanceof List<?> slides) {
            slides.stream().filter(String.class::isInstance).map(String.class::cast).forEach(lines::add);
        } else {
            for (String key : List.of("headline", "subline")) {
                if (details.get(key) instanceof String text) {
                    lines.add(text);
                }
            }
        }
        if (details.get("cta") instanceof String cta && lines.stream().noneMatch(line -> line.contains(cta))) {
            lines.add(cta);
        }
        List<String> sentences = lines.stream().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.matches(".*[.!?]$") ? line : line + ".").distinct().toList();
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }
}
