package dev.pms.core.audit;

import dev.pms.core.audit.AuditReport.DominantColour;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.pricing.PriceTable;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import static dev.pms.core.audit.TestImages.body;
import static dev.pms.core.audit.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;

/** The pixel metrics order images of known properties the way a person would. */
class ImageQualityMetricsTest {
    private final ImageAuditService service = new ImageAuditService(ChannelCatalog.load(), PriceTable.load());

    @Test
    void aSharpImageMeasuresSharperThanItsBlurredCopy() {
        BufferedImage sharp = TestImages.scene(600, 600);
        AuditReport sharpReport = service.audit(body(png(sharp)));
        AuditReport blurredReport = service.audit(body(png(TestImages.blurred(sharp, 9))));

        AuditReport.QualityPart sharpPart = sharpReport.assetInfo().qualityParts().sharpness();
        AuditReport.QualityPart blurredPart = blurredReport.assetInfo().qualityParts().sharpness();
        assertThat(sharpPart.value()).isGreaterThan(5 * blurredPart.value());
        assertThat(sharpPart.score()).isGreaterThan(blurredPart.score());
        assertThat(sharpReport.assetInfo().qualityScore()).isGreaterThan(blurredReport.assetInfo().qualityScore());
    }

    @Test
    void anOverExposedImageIsFlaggedAndRelit() {
        AuditReport report = service.audit(body(png(TestImages.brightened(TestImages.scene(400, 500), 2.2))));

        assertThat(report.assetInfo().exposure().clippedHighlights()).isGreaterThan(0.3);
        assertThat(report.assetInfo().qualityParts().exposure().score()).isLessThan(50);
        assertThat(report.checks()).filteredOn(c -> c.rule().equals("exposure"))
                .singleElement().satisfies(c -> assertThat(c.passed()).isFalse());
        assertThat(report.recommendations()).extracting(AuditReport.Recommendation::operation)
                .contains(FixOperation.RELIGHT);
        assertThat(report.verdict()).isEqualTo(AuditStatus.ENHANCE);
    }

    @Test
    void anUnderExposedImageIsRelit() {
        AuditReport report = service.audit(body(png(TestImages.brightened(TestImages.scene(400, 500), 0.4))));

        assertThat(report.assetInfo().exposure().meanLuma()).isLessThan(FixPlanner.TOO_DARK_MEAN);
        assertThat(report.recommendations()).filteredOn(r -> r.operation() == FixOperation.RELIGHT)
                .singleElement().satisfies(r -> {
                    assertThat(r.reason()).contains("under-exposed");
                    assertThat(r.costUsd()).isEqualByComparingTo("0.02");
                });
    }

    @Test
    void aWellExposedImagePassesTheExposureCheck() {
        AuditReport report = service.audit(body(png(TestImages.scene(400, 500))));

        assertThat(report.checks()).filteredOn(c -> c.rule().equals("exposure"))
                .singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
        assertThat(report.recommendations()).isEmpty();
        assertThat(report.verdict()).isEqualTo(AuditStatus.USABLE);
    }

    @Test
    void aHeavilyCompressedJpegIsBlockierThanAGoodOneAndScoresBelowThePng() {
        BufferedImage scene = TestImages.blurred(TestImages.scene(640, 640), 5);
        AuditReport heavy = service.audit(body(TestImages.jpeg(scene, 0.03f)));
        AuditReport fine = service.audit(body(TestImages.jpeg(scene, 0.95f)));
        AuditReport lossless = service.audit(body(png(scene)));

        assertThat(heavy.assetInfo().format()).isEqualTo("jpeg");
        assertThat(heavy.assetInfo().qualityParts().blockiness().value())
                .isGreaterThan(fine.assetInfo().qualityParts().blockiness().value() + 0.3);
        assertThat(heavy.assetInfo().qualityParts().blockiness().score())
                .isLessThan(fine.assetInfo().qualityParts().blockiness().score());
        assertThat(lossless.assetInfo().qualityParts().blockiness()).isNull();
        assertThat(heavy.assetInfo().qualityScore()).isLessThan(lossless.assetInfo().qualityScore());
    }

    @Test
    void noiseIsEstimatedNearTheNoiseThatWasAdded() {
        BufferedImage noisy = TestImages.withGaussianNoise(TestImages.scene(500, 500), 12);
        AuditReport clean = service.audit(body(png(TestImages.scene(500, 500))));
        AuditReport report = service.audit(body(png(noisy)));

        assertThat(clean.assetInfo().qualityParts().noise().value()).isLessThan(2);
        assertThat(report.assetInfo().qualityParts().noise().value()).isBetween(8.0, 16.0);
        assertThat(report.assetInfo().qualityParts().noise().score())
                .isLessThan(clean.assetInfo().qualityParts().noise().score());
    }

    @Test
    void heavyNoiseIsRestored() {
        AuditReport report = service.audit(body(png(TestImages.withGaussianNoise(TestImages.scene(400, 400), 30))));

        assertThat(report.recommendations()).filteredOn(r -> r.operation() == FixOperation.RESTORE)
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("noisy"));
        assertThat(report.verdict()).isEqualTo(AuditStatus.ENHANCE);
    }

    @Test
    void anOnPaletteImageIsCloseToThePaletteAndAnOffPaletteOneIsFar() {
        byte[] onPalette = png(TestImages.stripes(300, 300, new Color(0x1F4E79), new Color(0xF2A900),
                new Color(0xE63946)));
        byte[] offPalette = png(TestImages.stripes(300, 300, new Color(0x00FF00), new Color(0xFF00FF)));

        AuditReport near = service.audit(withPalette(onPalette));
        AuditReport far = service.audit(withPalette(offPalette));

        assertThat(near.assetInfo().qualityParts().paletteDistance().value()).isLessThan(3);
        assertThat(near.assetInfo().dominantColours()).extracting(DominantColour::nearestBrandColour)
                .containsExactlyInAnyOrder("#1F4E79", "#F2A900", "#E63946");
        assertThat(far.assetInfo().qualityParts().paletteDistance().value()).isGreaterThan(40);
        assertThat(far.checks()).filteredOn(c -> c.rule().equals("brand_palette"))
                .singleElement().satisfies(c -> assertThat(c.passed()).isFalse());
    }

    @Test
    void withoutAPaletteThereIsNoPaletteDistance() {
        AuditReport report = service.audit(body(png(TestImages.scene(200, 200))));

        assertThat(report.assetInfo().qualityParts().paletteDistance()).isNull();
        assertThat(report.assetInfo().dominantColours()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.deltaE()).isNull());
    }

    private static AuditImage withPalette(byte[] image) {
        return TestImages.request(TestImages.base64(image), null, null, List.of("#1F4E79", "#f2a900", "#E63946"));
    }
}
