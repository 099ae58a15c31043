package dev.pms.core.generation;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Placement;
import dev.pms.core.media.ProductPhoto;
import dev.pms.core.pricing.QualityTier;

import java.util.List;
import java.util.Map;

/**
 * Everything a provider needs to make one asset: the approved proposal's prompt and hook, the exact
 * catalogue placement (canvas, safe zone, text limits, video limits), brand inputs and, for videos,
 * the key frame made before it (for an avatar: the persona's picture), the script to speak and who presents it;
 * {@code copyBrief} carries the brief's facts for copy and {@code productPhoto} the user's uploaded product photo
 * (each null when there is none); {@code studio} is set for a product-studio call only, {@code edit} for an edit of an
 * existing image (an inventory item's fix or channel variant; the image is also the key frame, which is what live
 * edit models read).
 */
public record GenerationRequest(
        String jobId,
        String assetId,
        AssetType assetType,
        Placement placement,
        String prompt,
        String hook,
        String conceptSummary,
        Map<String, Object> productContext,
        List<String> brandPalette,
        List<String> forbiddenPhrases,
        String provider,
        String model,
        QualityTier tier,
        byte[] keyFrame,
        String script,
        Presenter presenter,
        CopyBrief copyBrief,
        ProductPhoto productPhoto,
        StudioBrief studio,
        ImageEdit edit) {

    /** The brand persona who presents a video or avatar; {@code role} may be null. */
    public record Presenter(String name, String role) {
    }

    public GenerationRequest {
        productContext = productContext == null ? Map.of() : Map.copyOf(productContext);
        brandPalette = brandPalette == null ? List.of() : List.copyOf(brandPalette);
        forbiddenPhrases = forbiddenPhrases == null ? List.of() : List.copyOf(forbiddenPhrases);
    }

    /** A request without a named presenter, copy brief or product photo. */
    public GenerationRequest(String jobId, String assetId, AssetType assetType, Placement placement, String prompt,
                             String hook, String conceptSummary, Map<String, Object> productContext,
                             List<String> brandPalette, List<String> forbiddenPhrases, String provider, String model,
                             QualityTier tier, byte[] keyFrame, String script) {
        this(jobId, assetId, assetType, placement, prompt, hook, conceptSummary, productContext, brandPalette,
                forbiddenPhrases, provider, model, tier, keyFrame, script, null, null, null, null);
    }

    /** A campaign asset's request: everything but a studio brief. */
    public GenerationRequest(String jobId, String assetId, AssetType assetType, Placement placement, String prompt,
                             String hook, String conceptSummary, Map<String, Object> productContext,
                             List<String> brandPalette, List<String> forbiddenPhrases, String provider, String model,
                             QualityTier tier, byte[] keyFrame, String script, Presenter presenter, CopyBrief copyBrief,
                             ProductPhoto productPhoto) {
        this(jobId, assetId, assetType, placement, prompt, hook, conceptSummary, productContext, brandPalette,
                forbiddenPhrases, provider, model, tier, keyFrame, script, presenter, copyBrief, productPhoto, null);
    }

    /** A request of any kind but an edit. */
    public GenerationRequest(String jobId, String assetId, AssetType assetType, Placement placement, String prompt,
                             String hook, String conceptSummary, Map<String, Object> productContext,
                             List<String> brandPalette, List<String> forbiddenPhrases, String provider, String model,
                             QualityTier tier, byte[] keyFrame, String script, Presenter presenter, CopyBrief copyBrief,
                             ProductPhoto productPhoto, StudioBrief studio) {
        this(jobId, assetId, assetType, placement, prompt, hook, conceptSummary, productContext, brandPalette,
                forbiddenPhrases, provider, model, tier, keyFrame, script, presenter, copyBrief, productPhoto, studio, null);
    }

    public boolean isEdit() {
        return edit != null;
    }

    public boolean isStudio() {
        return studio != null;
    }
}
