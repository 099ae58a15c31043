package dev.pms.core.pack;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.ChannelProfile;
import dev.pms.core.channel.CopyFramework;
import dev.pms.core.channel.Placement;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.ModelChoice;
import dev.pms.core.pricing.QualityTier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Channel guidance straight from the catalogue: the channel list and per-channel packs (contract #8). */
public final class ChannelPackService {
    /** The SPA's generic kind: every visual placement of the channel (images and videos). */
    public static final String SOCIAL_POST = "social_post";

    private final ChannelCatalog catalog;

    public ChannelPackService(ChannelCatalog catalog) {
        this.catalog = catalog;
    }

    public record ChannelSummary(Channel channel, String platform, List<PlacementSummary> placements) {
    }

    public record PlacementSummary(String key, AssetType assetType, String dimensions, String aspectRatio,
                                   List<String> formats, String source) {
    }

    public record ChannelList(List<ChannelSummary> channels) {
    }

    public record Template(String id, String name, String dimensions, String aspectRatio, AssetType assetType,
                           String recommendedProvider, String recommendedModel, String quality,
                           String safeZone, List<String> notes) {
    }

    /**
     * One deliverable format of the channel as the SPA renders it: a placement's canvas with its safe zone
     * (described in words, null when the placement has none) and the file types it accepts.
     */
    public record Format(String name, String placement, int width, int height, String ratio, String safeZone,
                         List<String> fileTypes) {
    }

    public record Pack(Channel channel, String platform, String assetType, List<Template> templates,
                       List<Format> formats, List<String> fileTypes, CopyFramework copyFramework,
                       List<String> optimizationTips, String catalogVersion) {
    }

    public ChannelList channels() {
        List<ChannelSummary> channels = new ArrayList<>();
        for (ChannelProfile profile : catalog.channels()) {
            List<PlacementSummary> placements = catalog.placements(profile.channel()).stream()
                    .map(p -> new PlacementSummary(p.key(), p.assetType(),
                            p.canvas() == null ? null : p.canvas().dimensions(),
                            p.canvas() == null ? null : p.canvas().ratio(), p.formats(), p.source()))
                    .toList();
            channels.add(new ChannelSummary(profile.channel(), profile.platform(), placements));
        }
        return new ChannelList(channels);
    }

    /**
     * @param assetType {@value #SOCIAL_POST} (default) or an asset type code (image, video, text, ...)
     * @throws NotFoundException for a channel the catalogue does not have ({@code x} is twitter)
     * @throws ValidationException for an unknown asset type
     */
    public Pack pack(String channelCode, String assetType) {
        ChannelProfile profile = catalog.findChannel(channelCode)
                .orElseThrow(() -> new NotFoundException("there is no channel '" + channelCode + "'"));
        String kind = assetType == null || assetType.isBlank() ? SOCIAL_POST : assetType.trim().toLowerCase(Locale.ROOT);
        List<Placement> placements = catalog.placements(profile.channel()).stream()
                .filter(placement -> matches(placement, kind))
                .toList();
        List<Template> templates = placements.stream().filter(p -> p.canvas() != null).map(this::template).toList();
        List<Format> formats = placements.stream().filter(p -> p.canvas() != null)
                .map(p -> new Format(humanName(p), p.key(), p.canvas().width(), p.canvas().height(), p.canvas().ratio(),
                        safeZoneText(p), p.formats()))
                .toList();
        Set<String> fileTypes = new LinkedHashSet<>();
        placements.forEach(p -> fileTypes.addAll(p.formats()));
        return new Pack(profile.channel(), profile.platform(), kind, templates, formats, List.copyOf(fileTypes),
                profile.copyFramework(), profile.optimizationTips(), catalog.version());
    }

    private static boolean matches(Placement placement, String kind) {
        if (kind.equals(SOCIAL_POST)) {
            return placement.assetType() == AssetType.IMAGE || placement.assetType() == AssetType.VIDEO;
        }
        AssetType type = AssetType.parse(kind).orElseThrow(() -> ValidationException.of("asset_type",
                "must be social_post or one of image, text, video, audio, avatar"));
        return placement.assetType() == type;
    }

    private Template template(Placement placement) {
        ModelChoice model = CostEstimator.modelFor(placement.assetType(), QualityTier.DEFAULT);
        String safeZone = safeZoneText(placement);
        return new Template(placement.key(), humanName(placement), placement.canvas().dimensions(),
                placement.canvas().ratio(), placement.assetType(), model.provider(), model.model(),
                QualityTier.DEFAULT.code(), safeZone, placement.notes());
    }

    private static String humanName(Placement placement) {
        String name = placement.name().replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String safeZoneText(Placement placement) {
        return placement.safeZone() == null ? null : String.format(Locale.ROOT,
                "top %.0f%%, bottom %.0f%%, left %.0f%%, right %.0f%%",
                placement.safeZone().top() * 100, placement.safeZone().bottom() * 100,
                placement.safeZone().left() * 100, placement.safeZone().right() * 100);
    }
}
