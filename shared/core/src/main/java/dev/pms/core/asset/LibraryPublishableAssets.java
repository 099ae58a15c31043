package dev.pms.core.asset;

import dev.pms.core.distribution.PublishableAsset;
import dev.pms.core.distribution.PublishableAssets;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.media.UploadRecord;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.media.UploadService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    public LibraryPublishableAssets(GenerationRunRepository runs, AssetRepository assets, UploadRepository uploads) {
        this.runs = runs;
        this.assets = assets;
        this.uploads = uploads;
    }

    @Override
    public Map<String, PublishableAsset> current(String userId, String campaignId, Collection<String> assetIds) {
        Set<String> wanted = new HashSet<>(assetIds);
        Map<String, PublishableAsset> current = new LinkedHashMap<>();
        runs.find(userId, campaignId).ifPresent(run -> {
            List<String> libraryIds = run.assetLibraryIds().entrySet().stream()
                    .filter(entry -> wanted.contains(entry.getKey())).map(Map.Entry::getValue).toList();
            for (AssetRecord asset : assets.findAll(userId, libraryIds)) {
                if (asset.status() == AssetStatus.READY) {
                    current.put(asset.assetId(), new PublishableAsset(asset.assetId(), asset.textContent(),
                            asset.storageKey(), shownText(asset.details())));
                }
            }
        });
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
