package dev.pms.journeys.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Downloads every asset of a campaign into {@code <out>/<channel>/<asset_type>-<placement>-<id>.<ext>}, checks each
 * file against the API's {@code bytes} and {@code sha256}, and writes {@code manifest.json} beside them.
 */
final class DemoOutput {
    static final String MANIFEST = "manifest.json";

    /** {@code manifest.json}. */
    record Manifest(String campaignId, String campaignName, String runStatus, String executionId,
                    BigDecimal estimatedCostUsd, BigDecimal spentUsd, int assetCount, long totalBytes,
                    Instant writtenAt, List<Asset> assets) {
    }

    /**
     * One asset of the manifest; {@code path} (relative to the manifest) is null when the asset is not ready; an image
     * names the texts drawn on it and carries its alt text (null for other assets).
     */
    record Asset(String path, String assetLibraryId, String assetId, String status, String channel, String placement,
                 String assetType, String mimeType, Long bytes, String sha256, Integer width, Integer height,
                 Double durationS, String provider, String model, BigDecimal costUsd, String prompt, String error,
                 String headline, String subline, String cta, String altText, Double brandConsistency) {
    }

    private final DemoApi api;
    private final Path out;

    DemoOutput(DemoApi api, Path out) {
        this.api = api;
        this.out = out;
    }

    Manifest write(String campaignId, String campaignName, JsonNode finalStatus, BigDecimal estimatedCostUsd) {
        List<Asset> assets = new ArrayList<>();
        long totalBytes = 0;
        for (String assetLibraryId : listAssetIds(campaignId)) {
            Asset asset = save(api.get("/assets/" + assetLibraryId));
            assets.add(asset);
            totalBytes += asset.path() == null ? 0 : asset.bytes();
        }
        assets.sort(Comparator.comparing((Asset asset) -> asset.path() == null ? "~" : asset.path())
                .thenComparing(Asset::assetLibraryId));
        Manifest manifest = new Manifest(campaignId, campaignName, text(finalStatus, "status"),
                text(finalStatus, "execution_id"), estimatedCostUsd, decimal(finalStatus.path("cost"), "spent_usd"),
                assets.size(), totalBytes, Instant.now(), assets);
        try {
            Files.createDirectories(out);
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve(MANIFEST).toFile(), manifest);
        } catch (IOException e) {
            throw new DemoFailure("cannot write " + out.resolve(MANIFEST) + ": " + e);
        }
        return manifest;
    }

    private List<String> listAssetIds(String campaignId) {
        List<String> ids = new ArrayList<>();
        String nextToken = null;
        do {
            JsonNode page = api.get("/assets?campaign_id=" + encode(campaignId) + "&limit=200"
                    + (nextToken == null ? "" : "&next_token=" + encode(nextToken)));
            page.path("assets").forEach(asset -> ids.add(asset.get("asset_library_id").asText()));
            nextToken = text(page, "next_token");
        } while (nextToken != null && !nextToken.isEmpty());
        return ids;
    }

    private Asset save(JsonNode asset) {
        String id = asset.get("asset_library_id").asText();
        String channel = text(asset, "channel");
        String placement = text(asset, "placement");
        String assetType = text(asset, "asset_type");
        String mimeType = text(asset, "mime_type");
        String status = text(asset, "status");
        String relative = null;
        if ("ready".equals(status)) {
            String url = text(asset, "url");
            if (url == null) {
                throw new DemoFailure("asset " + id + " is ready but has no download url: " + asset);
            }
            byte[] bytes = api.download(url);
            verify(id, asset, bytes);
            relative = safe(channel) + "/" + safe(assetType) + "-" + safe(placementWithoutChannel(channel, placement))
                    + "-" + shortId(id) + "." + extension(mimeType);
            Path file = out.resolve(relative);
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new DemoFailure("cannot write " + file + ": " + e);
            }
        }
        JsonNode lineage = asset.path("lineage");
        return new Asset(relative, id, text(asset, "asset_id"), status, channel, placement, assetType, mimeType,
                asset.hasNonNull("bytes") ? asset.get("bytes").asLong() : null, text(asset, "sha256"),
                asset.hasNonNull("width") ? asset.get("width").asInt() : null,
                asset.hasNonNull("height") ? asset.get("height").asInt() : null,
                asset.hasNonNull("duration_seconds") ? asset.get("duration_seconds").asDouble() : null,
                text(lineage, "provider"), text(lineage, "model"), decimal(asset, "cost_usd"),
                text(lineage, "prompt"), text(asset, "error"), text(asset.path("details"), "headline"),
                text(asset.path("details"), "subline"), text(asset.path("details"), "cta"),
                text(asset.path("details"), "alt_text"),
                asset.path("details").path("brand_consistency").isNumber()
                        ? asset.path("details").get("brand_consistency").asDouble() : null);
    }

    private static void verify(String id, JsonNode asset, byte[] bytes) {
        String expected = text(asset, "sha256");
        String actual = sha256(bytes);
        if (expected == null || !expected.equalsIgnoreCase(actual)) {
            throw new DemoFailure("SHA-256 MISMATCH for asset " + id + " (" + text(asset, "placement") + "): the API says "
                    + expected + ", the " + bytes.length + " downloaded bytes hash to " + actual);
        }
        if (asset.hasNonNull("bytes") && asset.get("bytes").asLong() != bytes.length) {
            throw new DemoFailure("SIZE MISMATCH for asset " + id + ": the API says " + asset.get("bytes").asLong()
                    + " bytes, " + bytes.length + " were downloaded");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String extension(String mimeType) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (type) {
            case "image/png" -> "png";
            case "image/jpeg", "image/jpg" -> "jpg";
            case "image/webp" -> "webp";
            case "video/mp4" -> "mp4";
            case "audio/wav", "audio/x-wav", "audio/wave" -> "wav";
            case "audio/mpeg" -> "mp3";
            case "application/json" -> "json";
            default -> type.startsWith("text/") ? "txt" : "bin";
        };
    }

    /** {@code linkedin/post_landscape} in the {@code linkedin} folder is just {@code post_landscape}. */
    private static String placementWithoutChannel(String channel, String placement) {
        if (placement == null || placement.isBlank()) {
            return "default";
        }
        return channel != null && placement.startsWith(channel + "/") ? placement.substring(channel.length() + 1)
                : placement;
    }

    static String safe(String name) {
        String cleaned = (name == null ? "" : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-")
                .replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "unknown" : cleaned;
    }

    private static String shortId(String id) {
        String cleaned = id.replaceAll("[^A-Za-z0-9]", "");
        return cleaned.substring(0, Math.min(8, cleaned.length()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).decimalValue() : null;
    }
}
