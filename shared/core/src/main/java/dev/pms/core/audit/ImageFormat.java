package dev.pms.core.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Image formats recognised by their leading bytes; the declared type of a data URL is never trusted. */
enum ImageFormat {
    PNG("png", List.of("png")),
    JPEG("jpeg", List.of("jpg", "jpeg")),
    GIF("gif", List.of("gif")),
    WEBP("webp", List.of("webp"));

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String code;
    private final List<String> catalogueCodes;

    ImageFormat(String code, List<String> catalogueCodes) {
        this.code = code;
        this.catalogueCodes = catalogueCodes;
    }

    /** The name reported in {@code asset_info.format}; also the ImageIO format name. */
    String code() {
        return code;
    }

    String mimeType() {
        return "image/" + code;
    }

    /** True when a placement's format list (catalogue codes such as {@code jpg}) admits this format. */
    boolean allowedBy(List<String> placementFormats) {
        return placementFormats.stream().anyMatch(catalogueCodes::contains);
    }

    static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (bytes.length >= 12 && startsWith(bytes, ascii("RIFF"))
                && Arrays.equals(bytes, 8, 12, ascii("WEBP"), 0, 4)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
