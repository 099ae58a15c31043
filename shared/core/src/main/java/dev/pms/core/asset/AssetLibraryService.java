package dev.pms.core.asset;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.common.EnumCodes;
import dev.pms.core.common.Page;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.PresignedDownload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The asset library: list with filters and cursor paging, one asset with its lineage and a download URL, delete. */
public final class AssetLibraryService {
    static final Duration DOWNLOAD_URL_TTL = Duration.ofMinutes(15);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final AssetRepository assets;
    private final MediaStore media;

    public AssetLibraryService(AssetRepository assets, MediaStore media) {
        this.assets = assets;
        this.media = media;
    }

    /** The body of {@code GET /assets}. */
    public record Listing(List<AssetView> assets, int count, String nextToken) {
    }

    /**
     * {@code GET /assets?campaign_id=&type=&channel=&status=&limit=&next_token=}; download URLs are left out of
     * listings (ask for one asset to get one).
     */
    public Listing list(String userId, Map<String, String> query) {
        List<FieldError> errors = new ArrayList<>();
        AssetType type = parse(AssetType.class, query.get("type"), "type", errors);
        Channel channel = query.get("channel") == null ? null : Channel.parse(query.get("channel")).orElse(null);
        if (query.get("channel") != null && channel == null) {
            errors.add(new FieldError("channel", "is not a channel this suite knows"));
        }
        AssetStatus status = parse(AssetStatus.class, query.get("status"), "status", errors);
        int limit = DEFAULT_LIMIT;
        if (query.get("limit") != null) {
            try {
                limit = Integer.parseInt(query.get("limit"));
                if (limit < 1 || limit > MAX_LIMIT) {
                    errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a whole number"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the asset listing query is not valid", errors);
        }
        Page<AssetRecord> page = assets.list(userId, new AssetFilter(query.get("campaign_id"), type, channel, status),
                limit, query.get("next_token"));
        List<AssetView> views = page.items().stream().map(asset -> AssetView.of(asset, null, null)).toList();
        return new Listing(views, views.size(), page.nextToken());
    }

    /** One asset with its lineage and, when ready, a presigned download URL. */
    public AssetView get(String userId, String assetLibraryId) {
        AssetRecord asset = find(userId, assetLibraryId);
        if (asset.status() != AssetStatus.READY || asset.storageKey() == null) {
            return AssetView.of(asset, null, null);
        }
        PresignedDownload download = media.presignDownload(asset.storageKey(), DOWNLOAD_URL_TTL);
        return AssetView.of(asset, download.url(), download.expiresAt());
    }

    /** Deletes a finished asset and its stored media; one still generating cannot be deleted (409). */
    public void delete(String userId, String assetLibraryId) {
        AssetRecord asset = find(userId, assetLibraryId);
        if (asset.isOpen()) {
            throw new ConflictException("asset " + assetLibraryId + " is still " + asset.status().code()
                    + "; stop its generation first");
        }
        if (asset.storageKey() != null) {
            media.delete(asset.storageKey());
        }
        assets.delete(userId, assetLibraryId);
    }

    private AssetRecord find(String userId, String assetLibraryId) {
        Optional<AssetRecord> asset = assets.find(userId, assetLibraryId);
        return asset.orElseThrow(() -> new NotFoundException("asset " + assetLibraryId + " not found"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        Optional<E> parsed = EnumCodes.parse(type, value);
        if (parsed.isEmpty()) {
            List<String> codes = Arrays.stream(type.getEnumConstants()).map(EnumCodes::code).toList();
            errors.add(new FieldError(field, "must be one of " + String.join(", ", codes)));
        }
        return parsed.orElse(null);
    }
}
