package dev.pms.core.audit;

import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.DomainException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.pricing.PriceTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

import static dev.pms.core.audit.TestImages.body;
import static dev.pms.core.audit.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Untrusted bytes end in a report or in a domain exception of the right kind: never another failure, never a hang. */
class ImageDecodingSafetyTest {
    private final ImageAuditService service = new ImageAuditService(ChannelCatalog.load(), PriceTable.load());

    @Test
    void aPngSignatureFollowedByGarbageIsNotAReadableImage() {
        byte[] garbage = new byte[200];
        new Random(3).nextBytes(garbage);
        byte[] bytes = concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, garbage);

        assertThatThrownBy(() -> service.audit(body(bytes)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("image_base64");
                            assertThat(f.message()).isEqualTo("is not a readable image");
                        }));
    }

    @Test
    void aTruncatedPngIsNotAReadableImage() {
        byte[] whole = png(TestImages.scene(300, 300));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> service.audit(body(truncated))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aTruncatedJpegIsRefusedThoughTheDecoderWouldFillTheMissingPart() {
        byte[] whole = TestImages.jpeg(TestImages.scene(300, 300), 0.8f);
        byte[] withoutEndMarker = Arrays.copyOf(whole, whole.length - 2);

        assertThatThrownBy(() -> service.audit(body(withoutEndMarker)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).singleElement()
                        .satisfies(f -> assertThat(f.message()).isEqualTo("is truncated or corrupt")));
        assertThat(service.audit(body(whole)).assetInfo().format()).isEqualTo("jpeg");
    }

    @Test
    void aDecompressionBombHeaderIsRefusedBeforeAnyPixelIsRead() {
        byte[] bomb = pngHeaderOnly(50_000, 50_000);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> service.audit(body(bomb)))
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> {
                    assertThat(e.kind()).isEqualTo("payload-too-large");
                    assertThat(e.getMessage()).contains("50000x50000");
                }));
    }

    @Test
    void aPngWithACorruptHeaderOrDataChecksumIsRefusedNamingTheChunk() {
        byte[] whole = png(TestImages.scene(64, 64));
        byte[] badHeader = whole.clone();
        badHeader[8 + 8 + 13] ^= 0x01;
        byte[] badData = whole.clone();
        int idat = indexOf(whole, "IDAT");
        badData[idat + 10] ^= 0x40;

        assertThatThrownBy(() -> service.audit(body(badHeader)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("image_base64 is a corrupt PNG: the checksum of its IHDR chunk does not match."));
        assertThatThrownBy(() -> service.audit(body(badData)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("IDAT"));
        assertThat(service.audit(body(whole)).assetInfo().width()).isEqualTo(64);
    }

    @Test
    void aVeryLongSideIsRefusedFromTheHeaderWhateverThePixelCount() {
        byte[] strip = pngHeaderOnly(1, 40_000_000);

        long started = System.nanoTime();
        assertThatThrownBy(() -> service.audit(body(strip)))
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> assertThat(e.getMessage())
                        .contains("1x40000000").contains("16384 pixels"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void thePixelLimitIsTheConfiguredOne() {
        ImageAuditService strict = new ImageAuditService(ChannelCatalog.load(), PriceTable.load(),
                new AuditLimits(AuditLimits.DEFAULT.maxBase64Chars(), 10_000, 2048));

        assertThat(strict.audit(body(png(TestImages.scene(100, 100)))).assetInfo().width()).isEqualTo(100);
        assertThatThrownBy(() -> strict.audit(body(png(TestImages.scene(101, 100)))))
                .isInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void overLongBase64IsRefusedBeforeDecoding() {
        AuditImage body = new AuditImage("A".repeat(15_000_000), AuditTarget.NONE);

        assertThatThrownBy(() -> service.audit(body)).isInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void bytesOfNoKnownImageFormatAreAnUnsupportedMediaType() {
        byte[] random = new byte[500];
        new Random(5).nextBytes(random);
        random[0] = 'x';
        byte[] bmp = TestImages.encode(TestImages.scene(40, 40), "bmp");

        assertThatThrownBy(() -> service.audit(body(random)))
                .isInstanceOfSatisfying(UnsupportedMediaTypeException.class,
                        e -> assertThat(e.kind()).isEqualTo("unsupported-media-type"));
        assertThatThrownBy(() -> service.audit(body(bmp))).isInstanceOf(UnsupportedMediaTypeException.class);
    }

    @Test
    void webpIsAnUnsupportedMediaTypeWhileNoDecoderIsInstalled() {
        assumeThat(ImageIO.getImageReadersByFormatName("webp").hasNext()).isFalse();
        byte[] webp = concat("RIFF".getBytes(StandardCharsets.US_ASCII), new byte[]{26, 0, 0, 0},
                "WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), new byte[18]);

        assertThatThrownBy(() -> service.audit(body(webp)))
                .isInstanceOfSatisfying(UnsupportedMediaTypeException.class,
                        e -> assertThat(e.getMessage()).contains("WEBP"));
    }

    @Test
    void aDataUrlIsAcceptedAndItsDeclaredTypeIsNotTrusted() {
        byte[] jpeg = TestImages.jpeg(TestImages.scene(120, 80), 0.9f);
        AuditImage body = new AuditImage("data:image/png;base64," + Base64.getMimeEncoder().encodeToString(jpeg),
                AuditTarget.NONE);

        AuditReport report = service.audit(body);

        assertThat(report.assetInfo().format()).isEqualTo("jpeg");
        assertThat(report.assetInfo().width()).isEqualTo(120);
        assertThat(report.assetInfo().height()).isEqualTo(80);
        assertThat(report.assetInfo().bytes()).isEqualTo(jpeg.length);
    }

    @Test
    void urlSafeBase64IsAccepted() {
        byte[] image = png(TestImages.scene(64, 48));
        AuditImage body = new AuditImage(Base64.getUrlEncoder().withoutPadding().encodeToString(image),
                AuditTarget.NONE);

        assertThat(service.audit(body).assetInfo().width()).isEqualTo(64);
    }

    @Test
    void imageTextThatIsNoBase64IsAValidationErrorNamingTheField() {
        assertThatThrownBy(() -> service.audit(new AuditImage("not base64 at all!", AuditTarget.NONE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("is not valid base64")));
        assertThatThrownBy(() -> service.audit(new AuditImage("data:image/png,abc", AuditTarget.NONE)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void truncatedAndCorruptedImagesEndInAReportOrADomainException() {
        byte[] pngBytes = png(TestImages.scene(160, 120));
        byte[] jpegBytes = TestImages.jpeg(TestImages.scene(160, 120), 0.8f);
        byte[] gifBytes = TestImages.encode(TestImages.scene(160, 120), "gif");
        Random random = new Random(17);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (byte[] original : new byte[][]{pngBytes, jpegBytes, gifBytes}) {
                for (int i = 1; i <= 20; i++) {
                    auditOrDomainException(Arrays.copyOf(original, original.length * i / 21));
                    byte[] corrupted = original.clone();
                    for (int flips = 0; flips < 8; flips++) {
                        corrupted[8 + random.nextInt(corrupted.length - 8)] = (byte) random.nextInt(256);
                    }
                    auditOrDomainException(corrupted);
                }
            }
        });
    }

    private void auditOrDomainException(byte[] bytes) {
        auditOrDomainException(body(bytes));
    }

    private void auditOrDomainException(AuditImage body) {
        try {
            AuditReport report = service.audit(body);
            assertThat(report.assetInfo().width()).isPositive();
        } catch (DomainException expected) {
            assertThat(expected).isInstanceOfAny(ValidationException.class, ImageTooLargeException.class,
                    UnsupportedMediaTypeException.class);
        }
    }

    /** A PNG signature and an IHDR chunk with a correct CRC, claiming an 8-bit RGB image of the given size. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError(ascii + " not found");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
