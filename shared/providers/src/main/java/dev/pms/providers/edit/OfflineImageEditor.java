package dev.pms.providers.edit;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ImageEdit;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline engine for image edits ({@link GenerationRequest#edit()}): every fix of an audit plan and every channel
 * variant made with real, deterministic Java2D operations ({@link ImageOps}, {@link VariantDeriver}) — never a copy of
 * its input. {@code regenerate} hands the image to the offline creative engine as the product photo of a new creative.
 * Answers PNG unless the edit asks for JPEG (a format conversion or compression to a byte limit).
 */
public final class OfflineImageEditor implements MediaProvider {
    public static final String MODEL_PREFIX = "java2d-";

    private final MediaProvider creatives;

    /** @param creatives the offline creative engine that makes {@code regenerate}'s new image */
    public OfflineImageEditor(MediaProvider creatives) {
        this.creatives = creatives;
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.IMAGE;
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        ImageEdit edit = request.edit();
        if (edit == null || edit.source() == null) {
            return new ProviderJob.Failed("an edit needs the image to work on", false);
        }
        String operation = edit.operation().toLowerCase(Locale.ROOT);
        if (operation.equals("regenerate")) {
            return regenerate(request);
        }
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(edit.source()));
        } catch (IOException | RuntimeException e) {
            source = null;
        }
        if (source == null) {
            return new ProviderJob.Failed("the image to " + operation + " could not be read", false);
        }
        source = ImageOps.rgb(source);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", operation);
        details.put("source_width", source.getWidth());
        details.put("source_height", source.getHeight());
        BufferedImage result;
        String format = "png";
        switch (operation) {
            case "crop" -> {
                Map<?, ?> box = edit.parameters().get("crop_box") instanceof Map<?, ?> b ? b : Map.of();
                result = ImageOps.crop(source, number(box, "x", 0), number(box, "y", 0),
                        number(box, "width", source.getWidth()), number(box, "height", source.getHeight()));
            }
            case "upscale" -> {
                int width = edit.intParameter("width", 0);
                int height = edit.intParameter("height", 0);
                double factor = width > 0 ? (double) width / source.getWidth() : edit.intParameter("factor", 2);
                result = ImageOps.upscale(source, factor);
                if (width > 0 && height > 0 && (result.getWidth() != width || result.getHeight() != height)) {
                    result = ImageOps.resize(result, width, height);
                }
            }
            case "downscale" -> result = ImageOps.resize(source, edit.intParameter("width", source.getWidth()),
                    edit.intParameter("height", source.getHeight()));
            case "relight" -> result = ImageOps.relight(source);
            case "restore" -> result = ImageOps.restore(source);
            case "background_to_white" -> result = ImageOps.backgroundToWhite(source);
            case "recolour" -> result = ImageOps.recolour(source, strings(edit.parameters().get("palette")));
            case "convert_format" -> {
                result = source;
                format = "jpg".equals(edit.textParameter("format")) || "jpeg".equals(edit.textParameter("format"))
                        ? "jpeg" : "png";
            }
            case "compress" -> {
                result = source;
                format = "jpeg";
            }
            case "derive" -> {
                return derive(request, source, details);
            }
            default -> {
                return new ProviderJob.Failed("the offline editor has no operation '" + operation + "'", false);
            }
        }
        byte[] bytes = format.equals("png") ? png(result) : jpeg(result, edit.intParameter("max_bytes", 0), details);
        return completed(bytes, format.equals("png") ? "image/png" : "image/jpeg", result, operation, details);
    }

    private ProviderJob derive(GenerationRequest request, BufferedImage source, Map<String, Object> details) {
        Placement placement = request.placement();
        SafeZone zone = placement.safeZone() == null ? new SafeZone(0, 0, 0, 0) : placement.safeZone();
        String text = request.edit().textParameter("overlay_text");
        List<String> palette = strings(request.edit().parameters().get("palette"));
        VariantDeriver.Target target = new VariantDeriver.Target(placement.canvas().width(), placement.canvas().height(),
                zone.top(), zone.bottom(), zone.left(), zone.right(), text, band(palette));
        VariantDeriver.Derived derived = VariantDeriver.derive(source, target);
        details.put("placement", placement.key());
        details.put("method", derived.method());
        details.put("source_box", box(derived.sourceBox()));
        details.put("content_box", box(derived.contentBox()));
        details.put("scale", Math.round(derived.scale() * 1000) / 1000.0);
        details.put("subject_box", box(derived.subjectBox()));
        details.put("safe_rect", box(derived.safeRect()));
        List<Map<String, Integer>> boxes = new ArrayList<>();
        derived.textBoxes().forEach(b -> boxes.add(box(b)));
        details.put("text_boxes", boxes);
        if (text != null) {
            details.put("overlay_text", text);
        }
        return completed(png(derived.image()), "image/png", derived.image(), "derive", details);
    }

    private ProviderJob regenerate(GenerationRequest request) {
        GenerationRequest creative = new GenerationRequest(request.jobId(), request.assetId(), AssetType.IMAGE,
                request.placement(), request.prompt(), request.hook(), request.conceptSummary(),
                request.productContext(), request.brandPalette(), request.forbiddenPhrases(), request.provider(),
                request.model(), request.tier(), null, null, null, request.copyBrief(), request.productPhoto(), null);
        return creatives.submit(creative);
    }

    /** The palette's darkest colour, for text bands. */
    static Color band(List<String> palette) {
        Color darkest = null;
        for (String hex : palette) {
            try {
                Color colour = new Color(Integer.parseInt(hex.substring(1), 16));
                if (darkest == null || luma(colour) < luma(darkest)) {
                    darkest = colour;
                }
            } catch (RuntimeException e) {
                // a malformed colour is left out
            }
        }
        return darkest != null && luma(darkest) < 110 ? darkest : new Color(0x0B1F3A);
    }

    private static double luma(Color colour) {
        return 0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue();
    }

    private static ProviderJob completed(byte[] bytes, String mimeType, BufferedImage image, String operation,
                                         Map<String, Object> details) {
        return new ProviderJob.Completed(new GeneratedMedia(bytes, mimeType, null, image.getWidth(), image.getHeight(),
                null, "offline", MODEL_PREFIX + operation, null, details));
    }

    private static Map<String, Integer> box(int[] box) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("x", box[0]);
        map.put("y", box[1]);
        map.put("width", box[2]);
        map.put("height", box[3]);
        return map;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** JPEG at quality 0.92, lowered in steps until it fits {@code maxBytes} (0: no limit). */
    static byte[] jpeg(BufferedImage image, int maxBytes, Map<String, Object> details) {
        byte[] bytes = null;
        for (float quality = 0.92f; quality >= 0.3f; quality -= 0.08f) {
            bytes = jpeg(image, quality);
            details.put("jpeg_quality", Math.round(quality * 100) / 100.0);
            if (maxBytes <= 0 || bytes.length <= maxBytes) {
                break;
            }
        }
        return bytes;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int number(Map<?, ?> map, String key, int fallback) {
        return map.get(key) instanceof Number number ? number.intValue() : fallback;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @Override
    public ProviderJob poll(String handle) {
        return new ProviderJob.Failed("offline edits finish on submit; there is no pending job '" + handle + "'", false);
    }
}
