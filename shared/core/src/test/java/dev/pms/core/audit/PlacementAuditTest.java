package dev.pms.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.audit.AuditReport.Box;
import dev.pms.core.audit.AuditReport.Check;
import dev.pms.core.audit.AuditReport.Recommendation;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.PriceTable;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static dev.pms.core.audit.TestImages.base64;
import static dev.pms.core.audit.TestImages.body;
import static dev.pms.core.audit.TestImages.png;
import static dev.pms.core.audit.TestImages.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks against catalogue placements, the status and the costed fix plan. */
class PlacementAuditTest {
    private static final String FEED_PORTRAIT = "instagram/feed_portrait";
    private final ChannelCatalog catalog = ChannelCatalog.load();
    private final ImageAuditService service = new ImageAuditService(catalog, PriceTable.load());

    @Test
    void anImageOfTheExactPlacementSizeIsUsable() {
        AuditReport report = service.audit(body(png(TestImages.scene(1080, 1350)), FEED_PORTRAIT));

        assertThat(report.placement()).isEqualTo(FEED_PORTRAIT);
        assertThat(report.verdict()).isEqualTo(AuditStatus.USABLE);
        assertThat(report.recommendations()).isEmpty();
        assertThat(report.checks()).extracting(Check::rule)
                .contains("quality", "exposure", "format", "max_bytes", "ratio", "min_size", "safe_zone");
        assertThat(report.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.rule()).isTrue());
        assertThat(report.totalCostUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aTinyImageIsReplacedWithACostedRegeneration() {
        AuditReport report = service.audit(body(png(TestImages.scene(64, 64)), FEED_PORTRAIT));

        assertThat(report.verdict()).isEqualTo(AuditStatus.REPLACE);
        assertThat(report.recommendations()).singleElement().satisfies(fix -> {
            assertThat(fix.operation()).isEqualTo(FixOperation.REGENERATE);
            assertThat(fix.priority()).isEqualTo(Priority.HIGH);
            assertThat(fix.provider()).isEqualTo("wavespeed");
            assertThat(fix.model()).isEqualTo("qwen-image");
            assertThat(fix.costUsd()).isEqualByComparingTo("0.03");
            assertThat(fix.reason()).contains("far too small");
            assertThat(fix.targetWidth()).isEqualTo(1080);
            assertThat(fix.targetHeight()).isEqualTo(1350);
        });
        assertThat(report.totalCostUsd()).isEqualByComparingTo("0.03");
    }

    @Test
    void aSquareImageForAPortraitSlotIsCroppedToTheRatioInsideTheImageThenUpscaled() {
        AuditReport report = service.audit(body(png(TestImages.scene(1080, 1080)), FEED_PORTRAIT));

        assertThat(report.verdict()).isEqualTo(AuditStatus.ENHANCE);
        Recommendation crop = recommendation(report, FixOperation.CROP).orElseThrow();
        Box box = crop.cropBox();
        Canvas canvas = catalog.requirePlacement(FEED_PORTRAIT).canvas();
        assertThat(canvas.ratioMatches(box.width(), box.height())).isTrue();
        assertThat(box.x()).isGreaterThanOrEqualTo(0);
        assertThat(box.y()).isGreaterThanOrEqualTo(0);
        assertThat(box.x() + box.width()).isLessThanOrEqualTo(1080);
        assertThat(box.y() + box.height()).isLessThanOrEqualTo(1080);
        assertThat(box).isEqualTo(new Box(108, 0, 864, 1080));
        assertThat(crop.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);

        Recommendation upscale = recommendation(report, FixOperation.UPSCALE).orElseThrow();
        assertThat(upscale.upscaleFactor()).isEqualTo(2);
        assertThat(upscale.model()).isEqualTo("qwen-image-edit");
        assertThat(upscale.costUsd()).isEqualByComparingTo("0.02");
        assertThat(report.totalCostUsd()).isEqualByComparingTo("0.02");
    }

    @Test
    void anImageThatIsBigEnoughIsNeverToldToUpscale() {
        AuditReport biggerThanNeeded = service.audit(body(png(TestImages.scene(2160, 2700)), FEED_PORTRAIT));
        AuditReport croppedStillBigEnough = service.audit(body(png(TestImages.scene(2000, 2000)), FEED_PORTRAIT));

        assertThat(biggerThanNeeded.verdict()).isEqualTo(AuditStatus.USABLE);
        assertThat(recommendation(croppedStillBigEnough, FixOperation.CROP)).isPresent();
        assertThat(recommendation(croppedStillBigEnough, FixOperation.UPSCALE)).isEmpty();
        assertThat(croppedStillBigEnough.verdict()).isEqualTo(AuditStatus.ENHANCE);
    }

    @Test
    void noImagePlacementTellsAnImageOfItsCanvasSizeToUpscale() {
        for (Placement placement : catalog.placements()) {
            if (placement.assetType() != AssetType.IMAGE || placement.canvas() == null) {
                continue;
            }
            Canvas canvas = placement.canvas();
            BufferedImage image = TestImages.stripes(canvas.width(), canvas.height(), new Color(0x2A6F97),
                    new Color(0xF4A261), new Color(0x264653));
            AuditReport report = service.audit(body(TestImages.jpeg(image, 0.9f), placement.key()));

            assertThat(recommendation(report, FixOperation.UPSCALE)).as(placement.key()).isEmpty();
            assertThat(report.checks()).as(placement.key()).filteredOn(c -> c.rule().equals("min_size"))
                    .singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
        }
    }

    @Test
    void aSlightlySmallImageIsUpscaledByFourWhenTwoCannotReachTheCanvas() {
        AuditReport report = service.audit(body(png(TestImages.scene(400, 711)), "tiktok/cover"));

        assertThat(report.verdict()).isEqualTo(AuditStatus.ENHANCE);
        assertThat(recommendation(report, FixOperation.UPSCALE)).get()
                .satisfies(fix -> assertThat(fix.upscaleFactor()).isEqualTo(4));
    }

    @Test
    void aBlankBlackFrameIsReplacedForItsQuality() {
        BufferedImage black = new BufferedImage(1080, 1350, BufferedImage.TYPE_INT_RGB);

        AuditReport report = service.audit(body(png(black), FEED_PORTRAIT));

        assertThat(report.assetInfo().qualityScore()).isLessThan(FixPlanner.MIN_QUALITY_SCORE);
        assertThat(report.verdict()).isEqualTo(AuditStatus.REPLACE);
        assertThat(report.recommendations()).singleElement()
                .satisfies(fix -> assertThat(fix.reason()).contains("too low to repair"));
    }

    @Test
    void anImageOverThePlacementMaximumIsDownscaledAndMeasuredOnASubsampledCopy() {
        BufferedImage grey = new BufferedImage(5200, 5200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        for (int x = 0; x < 5200; x += 200) {
            g.setColor(new Color(x % 400 == 0 ? 60 : 190, x % 400 == 0 ? 60 : 190, x % 400 == 0 ? 60 : 190));
            g.fillRect(x, 0, 200, 5200);
        }
        g.dispose();

        AuditReport report = service.audit(body(png(grey), "shopify/product_image"));

        assertThat(report.assetInfo().width()).isEqualTo(5200);
        assertThat(report.assetInfo().mode()).isEqualTo("L");
        assertThat(recommendation(report, FixOperation.DOWNSCALE)).get().satisfies(fix -> {
            assertThat(fix.targetWidth()).isEqualTo(5000);
            assertThat(fix.targetHeight()).isEqualTo(5000);
            assertThat(fix.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        });
        assertThat(recommendation(report, FixOperation.UPSCALE)).isEmpty();
    }

    @Test
    void aLargeJpegIsCheckedForBlockingAtFullResolution() {
        AuditReport report = service.audit(body(TestImages.jpeg(TestImages.scene(4200, 1000), 0.05f)));

        assertThat(report.assetInfo().width()).isEqualTo(4200);
        assertThat(report.assetInfo().qualityParts().blockiness().value()).isGreaterThan(1.5);
    }

    @Test
    void aRatioTooFarOffToCropIsReplaced() {
        AuditReport report = service.audit(body(png(TestImages.scene(1920, 1080)), "instagram/story"));

        assertThat(report.verdict()).isEqualTo(AuditStatus.REPLACE);
        assertThat(report.recommendations()).singleElement()
                .satisfies(fix -> assertThat(fix.reason()).contains("would keep only 32 %"));
    }

    @Test
    void anAmazonMainImageOnPureWhiteFillingTheFramePasses() {
        AuditReport report = service.audit(body(png(TestImages.productShot(1600, Color.WHITE, 0.9)),
                "amazon/main_image"));

        assertThat(report.assetInfo().productFraming().whiteBorderShare()).isEqualTo(1.0);
        assertThat(report.assetInfo().productFraming().productFrameShare()).isCloseTo(0.9, Offset.offset(0.01));
        assertThat(report.checks()).filteredOn(c -> c.rule().equals("white_background") || c.rule().equals("product_fills_frame"))
                .hasSize(2).allSatisfy(c -> assertThat(c.passed()).isTrue());
        assertThat(report.verdict()).isEqualTo(AuditStatus.USABLE);
    }

    @Test
    void anAmazonMainImageOnGreyNeedsItsBackgroundMadeWhite() {
        AuditReport report = service.audit(body(png(TestImages.productShot(1600, new Color(0xDDDDDD), 0.9)),
                "amazon/main_image"));

        assertThat(report.checks()).filteredOn(c -> c.rule().equals("white_background"))
                .singleElement().satisfies(c -> assertThat(c.passed()).isFalse());
        assertThat(recommendation(report, FixOperation.BACKGROUND_TO_WHITE)).get().satisfies(fix -> {
            assertThat(fix.priority()).isEqualTo(Priority.HIGH);
            assertThat(fix.costUsd()).isEqualByComparingTo("0.02");
        });
        assertThat(report.verdict()).isEqualTo(AuditStatus.ENHANCE);
    }

    @Test
    void aSmallProductOnWhiteIsCroppedSoThatItFillsTheFrame() {
        AuditReport report = service.audit(body(png(TestImages.productShot(2400, Color.WHITE, 0.5)),
                "amazon/main_image"));

        assertThat(report.checks()).filteredOn(c -> c.rule().equals("product_fills_frame"))
                .singleElement().satisfies(c -> assertThat(c.passed()).isFalse());
        Box crop = recommendation(report, FixOperation.CROP).orElseThrow().cropBox();
        assertThat(crop.width()).isEqualTo(crop.height()).isBetween(1320, 1350);
        assertThat(crop.x()).isBetween(520, 540);
        assertThat(recommendation(report, FixOperation.UPSCALE)).isEmpty();
        assertThat(report.verdict()).isEqualTo(AuditStatus.ENHANCE);
    }

    @Test
    void aFormatThePlacementRefusesIsConverted() {
        AuditReport report = service.audit(body(TestImages.encode(TestImages.scene(1080, 1350), "gif"), FEED_PORTRAIT));

        assertThat(report.assetInfo().format()).isEqualTo("gif");
        assertThat(report.assetInfo().mode()).isEqualTo("P");
        assertThat(recommendation(report, FixOperation.CONVERT_FORMAT)).get()
                .satisfies(fix -> assertThat(fix.targetFormat()).isEqualTo("png"));
    }

    @Test
    void busyDetailInTheStorySafeZoneIsAWarningOnly() {
        BufferedImage story = TestImages.scene(1080, 1920);
        TestImages.drawTextLikeBars(story, 0, 40, 1080, 160);

        AuditReport report = service.audit(body(png(story), "instagram/story"));

        assertThat(report.verdict()).isEqualTo(AuditStatus.USABLE);
        assertThat(report.checks()).filteredOn(c -> c.rule().equals("safe_zone")).singleElement().satisfies(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.severity()).isEqualTo("warning");
            assertThat(c.detail()).contains("top");
        });
    }

    @Test
    void aChannelWithoutPlacementIsCheckedAgainstItsPlacementOfTheNearestRatio() {
        AuditImage body = request(base64(png(TestImages.scene(540, 960))), "instagram", null, List.of());

        assertThat(service.audit(body).placement()).isEqualTo("instagram/story");
    }

    @Test
    void aShortPlacementNameIsReadWithItsChannelInAnyCaseAndXIsTwitter() {
        AuditImage body = request(base64(png(TestImages.scene(1200, 675))), "X", "Post_Image", List.of());

        assertThat(service.audit(body).placement()).isEqualTo("twitter/post_image");
    }

    @Test
    void unknownChannelsAndPlacementsAreRejectedNamingTheField() {
        String image = base64(png(TestImages.scene(100, 100)));
        assertThatThrownBy(() -> request(image, "myspace", null, List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("asset_metadata.target_channel"));
        assertThatThrownBy(() -> request(image, null, "instagram/billboard", List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("asset_metadata.placement"));
        assertThatThrownBy(() -> request(image, null, "feed_portrait", List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("asset_metadata.placement"));
        assertThatThrownBy(() -> request(image, "tiktok", "instagram/story", List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("asset_metadata.placement"));
        assertThatThrownBy(() -> request(image, null, "instagram/caption", List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("asset_metadata.placement");
                            assertThat(f.message()).contains("not an image placement");
                        }));
    }

    @Test
    void theReportIsTheContractShapeInSnakeCase() {
        JsonNode json = Json.mapper().valueToTree(service.audit(body(png(TestImages.scene(1080, 1080)), FEED_PORTRAIT)));

        assertThat(json.at("/asset_info/width").intValue()).isEqualTo(1080);
        assertThat(json.at("/asset_info/format").textValue()).isEqualTo("png");
        assertThat(json.at("/asset_info/mode").textValue()).isEqualTo("RGB");
        assertThat(json.at("/asset_info/quality_score").isDouble()).isTrue();
        assertThat(json.at("/asset_info/quality_score").doubleValue()).isBetween(0.0, 1.0);
        assertThat(json.at("/asset_info/quality_points").intValue())
                .isEqualTo(Math.round(json.at("/asset_info/quality_score").doubleValue() * 100));
        assertThat(json.at("/asset_info/quality_parts/sharpness/score").isInt()).isTrue();
        assertThat(json.at("/asset_info/quality_parts/sharpness/meaning").textValue()).isNotBlank();
        assertThat(json.at("/recommendations/0/operation").textValue()).isEqualTo("crop");
        assertThat(json.at("/recommendations/0/priority").textValue()).isEqualTo("high");
        assertThat(json.at("/recommendations/0/crop_box/width").intValue()).isEqualTo(864);
        assertThat(json.at("/recommendations/1/upscale_factor").intValue()).isEqualTo(2);
        assertThat(json.at("/recommendations/1/cost_usd").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(json.at("/status").textValue()).isEqualTo("needs_enhancement");
        assertThat(json.at("/verdict").textValue()).isEqualTo("enhance");
        assertThat(json.at("/placement").textValue()).isEqualTo(FEED_PORTRAIT);

        JsonNode withoutPlacement = Json.mapper().valueToTree(service.audit(body(png(TestImages.scene(50, 50)))));
        assertThat(withoutPlacement.has("placement")).isTrue();
        assertThat(withoutPlacement.get("placement").isNull()).isTrue();
    }

    private static Optional<Recommendation> recommendation(AuditReport report, FixOperation operation) {
        return report.recommendations().stream().filter(r -> r.operation() == operation).findFirst();
    }
}
