package dev.pms.core.audit;

import dev.pms.core.error.DomainException;
import dev.pms.core.error.ValidationException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Turns untrusted base64 into pixels without trusting it: the text length is bounded before decoding, the format is
 * sniffed from the bytes, and the header's dimensions are checked against the pixel limit before any pixel is read.
 * Every failure is a {@link DomainException}. Decoders fill what is missing from a truncated file and only warn, so
 * any decoder warning refuses the image.
 */
final class ImageDecoder {
    static final String FIELD = "image_base64";
    private static final int BLOCK_REGION_SIDE = 512;

    private final AuditLimits limits;
    private final String field;

    ImageDecoder(AuditLimits limits) {
        this(limits, FIELD);
    }

    /** @param field the request field the image came in, named in every refusal */
    ImageDecoder(AuditLimits limits, String field) {
        this.limits = limits;
        this.field = field;
    }

    DecodedImage decode(String imageBase64) {
        return decode(base64Bytes(imageBase64));
    }

    byte[] bytes(String imageBase64) {
        return base64Bytes(imageBase64);
    }

    DecodedImage decode(byte[] bytes) {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new UnsupportedMediaTypeException(
                field + " is not a PNG, JPEG, GIF or WebP image"));
        if (format == ImageFormat.PNG) {
            PngChecksums.verify(bytes, field);
        }
        ImageReader reader = readerFor(format);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, false, true);
            List<String> decoderWarnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> decoderWarnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw unreadable();
            }
            if (width > limits.maxSide() || height > limits.maxSide()) {
                throw new ImageTooLargeException("the image is " + width + "x" + height + " pixels; no side of an audited"
                        + " image may be longer than " + limits.maxSide() + " pixels");
            }
            if ((long) width * height > limits.maxPixels()) {
                throw new ImageTooLargeException("the image is " + width + "x" + height + " pixels; at most "
                        + limits.maxPixels() + " pixels are audited");
            }
            int subsampling = (Math.max(width, height) + limits.analysisMaxSide() - 1) / limits.analysisMaxSide();
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            BufferedImage analysis = reader.read(0, param);
            DecodedImage.LumaRegion blockGrid = format == ImageFormat.JPEG
                    ? blockGridLuma(reader, width, height, subsampling, analysis) : null;
            if (!decoderWarnings.isEmpty()) {
                throw ValidationException.of(field, "is truncated or corrupt");
            }
            return new DecodedImage(format, mode(analysis.getColorModel()), width, height, bytes.length,
                    PixelGrid.of(analysis), subsampling, blockGrid);
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        } finally {
            reader.dispose();
        }
    }

    private byte[] base64Bytes(String text) {
        if (text.length() > limits.maxBase64Chars()) {
            throw new ImageTooLargeException(field + " has " + text.length() + " characters; at most "
                    + limits.maxBase64Chars() + " are accepted");
        }
        String payload = text.strip();
        if (payload.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = payload.indexOf(',');
            if (comma < 0 || !payload.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
                throw ValidationException.of(field, "must be base64 or a data: URL with ;base64");
            }
            payload = payload.substring(comma + 1);
        }
        payload = stripWhitespace(payload);
        boolean urlSafe = payload.indexOf('-') >= 0 || payload.indexOf('_') >= 0;
        try {
            byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(payload);
            if (bytes.length == 0) {
                throw ValidationException.of(field, "must not be empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "is not valid base64");
        }
    }

    private static String stripWhitespace(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        return compact.toString();
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.code());
        if (!readers.hasNext()) {
            throw new UnsupportedMediaTypeException(format.code().toUpperCase(Locale.ROOT)
                    + " images cannot be decoded here; send PNG or JPEG");
        }
        return readers.next();
    }

    /** A full-resolution, grid-aligned central region: subsampling would break the 8×8 block pattern. */
    private static DecodedImage.LumaRegion blockGridLuma(ImageReader reader, int width, int height, int subsampling,
                                                         BufferedImage analysis) throws IOException {
        if (width < 16 || height < 16) {
            return null;
        }
        BufferedImage region;
        if (subsampling == 1) {
            region = analysis;
        } else {
            int regionWidth = Math.min(BLOCK_REGION_SIDE, width / 8 * 8);
            int regionHeight = Math.min(BLOCK_REGION_SIDE, height / 8 * 8);
            int x = (width - regionWidth) / 2 / 8 * 8;
            int y = (height - regionHeight) / 2 / 8 * 8;
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new Rectangle(x, y, regionWidth, regionHeight));
            region = reader.read(0, param);
        }
        PixelGrid grid = PixelGrid.of(region);
        return new DecodedImage.LumaRegion(grid.width(), grid.height(), grid.luma());
    }

    /** Colour mode named as imaging tools name it: RGB, RGBA, L, LA, P, CMYK. */
    private static String mode(ColorModel model) {
        if (model instanceof IndexColorModel) {
            return "P";
        }
        int type = model.getColorSpace().getType();
        if (type == ColorSpace.TYPE_GRAY) {
            return model.hasAlpha() ? "LA" : "L";
        }
        if (type == ColorSpace.TYPE_CMYK) {
            return "CMYK";
        }
        return model.hasAlpha() ? "RGBA" : "RGB";
    }

    private ValidationException unreadable() {
        return ValidationException.of(field, "is not a readable image");
    }
}
