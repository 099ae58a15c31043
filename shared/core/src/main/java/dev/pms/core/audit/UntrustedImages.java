package dev.pms.core.audit;

import java.util.Optional;

/**
 * Reads an image a caller sent as base64 or a data URL with the audit's defences: the text's length is bounded before
 * decoding, the format is sniffed from the bytes, a PNG's checksums are verified and the header's dimensions are
 * checked before any pixel is read. Refusals name the request field: a {@link ImageTooLargeException} (413), an
 * {@link UnsupportedMediaTypeException} (415) or a validation error (400).
 */
public final class UntrustedImages {
    private final AuditLimits limits;

    public UntrustedImages(AuditLimits limits) {
        this.limits = limits;
    }

    /** An image that passed every check: its bytes as sent and what its header says. */
    public record CheckedImage(byte[] bytes, String mimeType, int width, int height) {
    }

    /** The image type the bytes' signature shows ({@code image/png}, {@code image/jpeg}, …), empty for none. */
    public static Optional<String> mimeTypeOf(byte[] bytes) {
        return ImageFormat.sniff(bytes).map(ImageFormat::mimeType);
    }

    public CheckedImage read(String base64, String field) {
        ImageDecoder decoder = new ImageDecoder(limits, field);
        byte[] bytes = decoder.bytes(base64);
        DecodedImage decoded = decoder.decode(bytes);
        return new CheckedImage(bytes, decoded.format().mimeType(), decoded.width(), decoded.height());
    }
}
