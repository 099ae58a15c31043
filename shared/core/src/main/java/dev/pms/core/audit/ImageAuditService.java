package dev.pms.core.audit;

import dev.pms.core.audit.AuditReport.AssetInfo;
import dev.pms.core.audit.AuditReport.Box;
import dev.pms.core.audit.AuditReport.DominantColour;
import dev.pms.core.audit.AuditReport.QualityPart;
import dev.pms.core.audit.AuditReport.QualityParts;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.error.ValidationException;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.ModelChoice;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.PriceUnit;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.validation.FieldProblems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The logic of {@code POST /assets/audit}: decodes the image safely, measures it from its pixels, checks it against
 * the target placement of the channel catalogue and answers with a costed fix plan and a status.
 */
public final class ImageAuditService {
    /** The most brand colours a target may name. */
    public static final int MAX_PALETTE_COLOURS = 20;
    /** Edits (upscale, relight, restore, background) are priced as one image edit of this model. */
    static final ModelChoice EDIT_MODEL = new ModelChoice("wavespeed", "qwen-image-edit");

    private final ChannelCatalog catalog;
    private final PriceTable prices;
    private final ImageDecoder decoder;

    public ImageAuditService(ChannelCatalog catalog, PriceTable prices) {
        this(catalog, prices, AuditLimits.DEFAULT);
    }

    public ImageAuditService(ChannelCatalog catalog, PriceTable prices, AuditLimits limits) {
        this.catalog = catalog;
        this.prices = prices;
        this.decoder = new ImageDecoder(limits);
    }

    /**
     * Audits the image of a contract #7 request.
     *
     * @throws ValidationException            for bytes that do not decode as the image they claim to be
     * @throws ImageTooLargeException         for more base64 than {@link AuditLimits#maxBase64Chars()} or more
     *                                        pixels than {@link AuditLimits#maxPixels()}
     * @throws UnsupportedMediaTypeException for bytes that are no PNG, JPEG, GIF or decodable WebP image
     */
    public AuditReport audit(AuditImage request) {
        return report(decoder.decode(request.imageBase64()), request.target());
    }

    /** Audits stored image bytes (an upload or a generated asset) against the target, with the same checks and limits. */
    public AuditReport auditStored(byte[] image, AuditTarget target) {
        return report(decoder.decode(image), target);
    }

    /**
     * Audits stored image bytes against one catalogue placement ({@code channel/placement}).
     *
     * @throws ValidationException when the key names no image placement of the catalogue
     */
    public AuditReport auditAtPlacement(byte[] image, String placementKey) {
        FieldProblems problems = new FieldProblems();
        AuditTarget target = target(null, placementKey, List.of(), "", problems);
        problems.throwIfProblems("audit request");
        return auditStored(image, target);
    }

    /**
     * The target a request names: the channel by its code, the placement by its catalogue key or, with a channel,
     * by its name within the channel. Names that do not resolve are recorded on {@code problems} under
     * {@code fieldPrefix + "target_channel"} or {@code fieldPrefix + "placement"}; the placement is only resolved
     * when {@code problems} has none yet.
     */
    public AuditTarget target(String channelCode, String placementName, List<String> palette, String fieldPrefix,
                              FieldProblems problems) {
        String channelField = fieldPrefix + "target_channel";
        String placementField = fieldPrefix + "placement";
        Optional<Channel> channel = Optional.empty();
        Optional<Placement> placement = Optional.empty();
        if (channelCode != null && !channelCode.isBlank()) {
            channel = Channel.parse(channelCode);
            if (channel.isEmpty()) {
                problems.add(channelField, "is not a known channel (got '" + abbreviate(channelCode) + "')");
            }
        }
        if (placementName != null && !placementName.isBlank() && !problems.hasProblems()) {
            placement = Optional.ofNullable(resolvePlacement(placementName.trim().toLowerCase(Locale.ROOT),
                    channel, problems, placementField));
        }
        return new AuditTarget(channel, placement, palette);
    }

    /**
     * Audits stored image bytes against each of {@code placements} (in that order), decoding and measuring the image
     * once; with no placement, one report without placement checks. Same limits and refusals as {@link #auditStored}.
     * A studio shot (a border of pure white) has its exposure judged on the product, as Amazon's main image has.
     */
    public List<AuditReport> auditAgainst(byte[] image, List<Placement> placements, List<String> brandPalette) {
        DecodedImage decoded = decoder.decode(image);
        List<String> palette = brandPalette == null ? List.of() : brandPalette;
        boolean studioShot = ProductFraming.measure(decoded.analysis()).whiteBorderShare() >= FixPlanner.MIN_WHITE_BORDER;
        ImageMeasurements common = ImageMeasurements.of(decoded, null, palette, studioShot);
        FixPricing pricing = new FixPricing(prices);
        if (placements.isEmpty()) {
            return List.of(new FixPlanner(decoded, common, null, pricing).report(assetInfo(decoded, common)));
        }
        List<AuditReport> reports = new ArrayList<>(placements.size());
        for (Placement placement : placements) {
            ImageMeasurements measured = ImageMeasurements.AMAZON_MAIN_IMAGE.equals(placement.key())
                    ? ImageMeasurements.of(decoded, placement, palette) : common;
            reports.add(new FixPlanner(decoded, measured, placement, pricing).report(assetInfo(decoded, measured)));
        }
        return reports;
    }

    /** Whether a colour is a neutral (white, grey or black: Lab chroma under 10), which sits with any palette. */
    public static boolean isNeutral(String hex) {
        return LabColour.ofHex(hex).chroma() < ImageMeasurements.NEUTRAL_CHROMA;
    }

    /** What an image edit (relight, restore, upscale, background, recolour) costs on the edit model. */
    public BigDecimal editCost() {
        return new FixPricing(prices).editCost();
    }

    /** The model image edits are priced on and run by, unless a plan names another. */
    public ModelChoice editModel() {
        return EDIT_MODEL;
    }

    private AuditReport report(DecodedImage image, AuditTarget target) {
        Placement placement = target.placement()
                .or(() -> target.channel().flatMap(channel -> closestImagePlacement(channel, image)))
                .orElse(null);
        ImageMeasurements measurements = ImageMeasurements.of(image, placement, target.palette());
        return new FixPlanner(image, measurements, placement, new FixPricing(prices)).report(assetInfo(image, measurements));
    }

    private Placement resolvePlacement(String name, Optional<Channel> channel, FieldProblems checker, String field) {
        String key;
        if (name.contains("/")) {
            String channelPart = name.substring(0, name.indexOf('/'));
            Optional<Channel> named = Channel.parse(channelPart);
            if (named.isEmpty()) {
                checker.add(field, "names an unknown channel (got '" + abbreviate(name) + "')");
                return null;
            }
            if (channel.isPresent() && channel.get() != named.get()) {
                checker.add(field, "belongs to " + named.get().code() + ", not to the target_channel "
                        + channel.get().code());
                return null;
            }
            key = named.get().code() + name.substring(name.indexOf('/'));
        } else if (channel.isPresent()) {
            key = channel.get().code() + "/" + name;
        } else {
            checker.add(field, "needs a target_channel or a channel/placement key (got '"
                    + abbreviate(name) + "')");
            return null;
        }
        Optional<Placement> placement = catalog.placement(key);
        if (placement.isEmpty()) {
            checker.add(field, "is not a catalogue placement (got '" + abbreviate(name) + "')");
            return null;
        }
        if (placement.get().assetType() != AssetType.IMAGE || placement.get().canvas() == null) {
            checker.add(field, key + " is not an image placement");
            return null;
        }
        return placement.get();
    }

    /** With a channel but no placement, the channel's image placement whose ratio is nearest the image's. */
    private Optional<Placement> closestImagePlacement(Channel channel, DecodedImage image) {
        double imageRatio = (double) image.width() / image.height();
        return catalog.placements(channel).stream()
                .filter(p -> p.assetType() == AssetType.IMAGE && p.canvas() != null)
                .min(Comparator.comparingDouble(p -> Math.abs(Math.log(imageRatio / p.canvas().declaredRatio()))));
    }

    private static AssetInfo assetInfo(DecodedImage image, ImageMeasurements m) {
        QualityParts parts = new QualityParts(
                new QualityPart(round(m.laplacianVariance(), 1), m.sharpnessScore(), QualityScoring.SHARPNESS_WEIGHT,
                        "variance of the Laplacian of luma: higher is crisper; under about 50 looks soft"),
                new QualityPart(round(m.exposure().clippedHighlights() + m.exposure().clippedShadows(), 4),
                        m.exposureScore(), QualityScoring.EXPOSURE_WEIGHT,
                        "share of clipped pixels (luma >= 250 or <= 5); the score also falls when the mean luma is"
                                + " far from mid-grey"),
                new QualityPart(round(m.rmsContrast(), 4), m.contrastScore(), QualityScoring.CONTRAST_WEIGHT,
                        "RMS contrast: standard deviation of luma / 255; under about 0.08 looks flat"),
                new QualityPart(round(m.noiseSigma(), 2), m.noiseScore(), QualityScoring.NOISE_WEIGHT,
                        "estimated noise standard deviation in luma levels (median absolute high-pass response)"),
                m.blockiness() == null ? null : new QualityPart(round(m.blockiness(), 3), m.blockinessScore(),
                        QualityScoring.BLOCKINESS_WEIGHT,
                        "mean luma step across 8x8 block edges / inside blocks: about 1 is clean, above 1.5 shows"
                                + " JPEG blocks"),
                m.paletteDistance() == null ? null : new QualityPart(round(m.paletteDistance(), 2),
                        m.paletteScore(), QualityScoring.PALETTE_WEIGHT,
                        "share-weighted CIE76 delta E of the dominant colours to the nearest brand colour:"
                                + " under 10 is on palette"));
        List<DominantColour> colours = m.dominantColours().stream()
                .map(c -> new DominantColour(c.colour().hex(), round(c.colour().share(), 4), c.nearestBrandColour(),
                        c.deltaE() == null ? null : round(c.deltaE(), 2)))
                .toList();
        return new AssetInfo(image.width(), image.height(), image.format().code(), image.mode(), image.bytes(),
                m.qualityScore(), parts,
                new AuditReport.Exposure(round(m.exposure().meanLuma(), 1), round(m.exposure().clippedHighlights(), 4),
                        round(m.exposure().clippedShadows(), 4)),
                colours, m.productFraming() == null ? null : productFraming(m.productFraming(), image.subsampling()));
    }

    private static AuditReport.ProductFraming productFraming(ProductFraming.Measurement framing, int subsampling) {
        ProductFraming.Box box = framing.productBox();
        Box source = box == null ? null : new Box(box.x() * subsampling, box.y() * subsampling,
                box.width() * subsampling, box.height() * subsampling);
        return new AuditReport.ProductFraming(round(framing.whiteBorderShare(), 4), source,
                round(framing.productFrameShare(), 4));
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    /** Prices fixes from the price table: edits as one image edit, regeneration as one standard-tier image. */
    record FixPricing(PriceTable prices) {
        static final String LOCAL_PROVIDER = "local";

        ModelChoice editModel() {
            return EDIT_MODEL;
        }

        BigDecimal editCost() {
            return prices.unitPrice(EDIT_MODEL.provider(), EDIT_MODEL.model(), PriceUnit.IMAGE_EDIT);
        }

        ModelChoice regenerateModel() {
            return CostEstimator.modelFor(AssetType.IMAGE, QualityTier.STANDARD);
        }

        BigDecimal regenerateCost() {
            ModelChoice model = regenerateModel();
            return prices.unitPrice(model.provider(), model.model(), PriceUnit.IMAGE);
        }
    }
}
