package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;

/**
 * The offline engines behind the product studio, chosen by the brief's operation (not by asset type, as campaign
 * assets are): a photoshoot makes an image, an animation and a product video a video, an avatar explainer an avatar.
 * A request whose asset type does not match its operation fails without retry.
 */
public final class OfflineStudio implements MediaProvider {
    private final OfflinePhotoshoot photoshoot;
    private final OfflineAnimation animation;
    private final OfflineProductVideo productVideo;
    private final OfflineAvatarExplainer avatarExplainer;

    public OfflineStudio(SpeechSynthesizer voice) {
        this(new OfflinePhotoshoot(), new OfflineAnimation(), new OfflineProductVideo(voice),
                new OfflineAvatarExplainer(voice));
    }

    OfflineStudio(OfflinePhotoshoot photoshoot, OfflineAnimation animation, OfflineProductVideo productVideo,
                  OfflineAvatarExplainer avatarExplainer) {
        this.photoshoot = photoshoot;
        this.animation = animation;
        this.productVideo = productVideo;
        this.avatarExplainer = avatarExplainer;
    }

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.IMAGE || type == AssetType.VIDEO || type == AssetType.AVATAR;
    }

    /** The engine for a studio operation. */
    MediaProvider engineFor(StudioBrief.Operation operation) {
        return switch (operation) {
            case PHOTOSHOOT -> photoshoot;
            case ANIMATE -> animation;
            case PRODUCT_VIDEO -> productVideo;
            case AVATAR_EXPLAINER -> avatarExplainer;
        };
    }

    static AssetType assetTypeOf(StudioBrief.Operation operation) {
        return switch (operation) {
            case PHOTOSHOOT -> AssetType.IMAGE;
            case ANIMATE, PRODUCT_VIDEO -> AssetType.VIDEO;
            case AVATAR_EXPLAINER -> AssetType.AVATAR;
        };
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        StudioBrief brief = request.studio();
        if (brief == null || brief.operation() == null) {
            return new ProviderJob.Failed("a studio request needs its brief's operation", false);
        }
        AssetType expected = assetTypeOf(brief.operation());
        if (request.assetType() != expected) {
            return new ProviderJob.Failed("a studio " + brief.operation().code() + " makes " + expected + " assets, not "
                    + request.assetType(), false);
        }
        try {
            return engineFor(brief.operation()).submit(request);
        } catch (IllegalArgumentException e) {
            return new ProviderJob.Failed("the studio's " + brief.operation().code() + " could not use its input: "
                    + e.getMessage(), false);
        }
    }

    @Override
    public ProviderJob poll(String handle) {
        return OfflineProviders.noPendingJobs(handle);
    }
}
