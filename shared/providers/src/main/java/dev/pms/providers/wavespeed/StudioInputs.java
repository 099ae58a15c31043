package dev.pms.providers.wavespeed;

import dev.pms.core.channel.Canvas;
import dev.pms.core.generation.StudioBrief;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a product-studio call sends WaveSpeed besides the core's prompt: the key frame shaped like the canvas (WAN
 * 2.5 image-to-video keeps its input's aspect ratio), the preset's camera direction, and a product video's scenes
 * as the prompt's storyline. Nothing here adds words of its own to what the user sees or hears: the direction is
 * about camera motion, the storyline is the request's own narration.
 */
final class StudioInputs {
    /** WAN reads at most this much prompt; Alibaba cuts the rest off. */
    static final int WAN_PROMPT_MAX_CHARS = 2000;
    /** The side lengths WAN 2.5 accepts for an input image (Alibaba's image-to-video reference). */
    static final int WAN_MIN_IMAGE_SIDE = 360;
    static final int WAN_MAX_IMAGE_SIDE = 2000;
    /** Within this a key frame already has the canvas's shape and is sent as it is. */
    static final double SAME_SHAPE = 0.01;

    private static final Map<String, String> MOTION = Map.of(
            "reveal", "Camera motion: the product emerges from soft shadow into light with a slow push-in; it stays"
                    + " whole and in frame.",
            "rotation", "Camera motion: slow, smooth turntable rotation of the product about its vertical axis; steady"
                    + " camera, the product centred and whole.",
            "demo", "Camera motion: a gentle glide around the product in use, its key parts in focus; the product"
                    + " stays recognisable.",
            "lifestyle", "Camera motion: subtle handheld drift through the product's everyday setting, natural"
                    + " ambient movement around it.");

    private StudioInputs() {
    }

    /** The key frame as WAN should get it, and what was done to it. */
    record KeyFrame(byte[] bytes, int sourceWidth, int sourceHeight, int width, int height, boolean reshaped) {
    }

    /** The camera direction for an animation preset; empty for a preset without one. */
    static Optional<String> motion(String preset) {
        return Optional.ofNullable(preset == null ? null : MOTION.get(preset.strip().toLowerCase(Locale.ROOT)));
    }

    /** The animation prompt: the core's prompt, then the preset's camera direction. */
    static String animationPrompt(String prompt, String preset) {
        return motion(preset).map(direction -> prompt + " " + direction).orElse(prompt);
    }

    /** A product video's prompt and how many of its scenes it tells. */
    record Storyline(String prompt, int scenesTold) {
    }

    /**
     * The core's prompt followed by the scenes' narration in order ({@code Storyline: 1 (hook) ... 2 (...) ...}), as
     * many whole scenes as fit in WAN's {@value #WAN_PROMPT_MAX_CHARS} characters. On-screen words are not sent:
     * video models draw lettering unreliably, so they are laid over the clip afterwards, not asked of the model.
     */
    static Storyline storyline(String prompt, List<StudioBrief.Scene> scenes) {
        StringBuilder text = new StringBuilder(prompt);
        int told = 0;
        for (StudioBrief.Scene scene : scenes) {
            String narration = scene.narration() == null ? "" : scene.narration().strip().replaceAll("\\s+", " ");
            if (narration.isEmpty()) {
                continue;
            }
            String purpose = scene.purpose() == null || scene.purpose().isBlank() ? ""
                    : " (" + scene.purpose().strip() + ")";
            String beat = (told == 0 ? " Storyline: " : " ") + (told + 1) + purpose + " " + narration;
            if (text.length() + beat.length() > WAN_PROMPT_MAX_CHARS) {
                break;
            }
            text.append(beat);
            told++;
        }
        return new Storyline(text.toString(), told);
    }

    /**
     * The key frame cropped about its centre to the canvas's shape and kept within WAN's 360 to 2000 pixel sides (so
     * the clip comes out in the canvas's shape); a transparent image is flattened onto white, since WAN takes no
     * alpha. A key frame that already fits is sent byte for byte. Empty when the bytes are no readable image.
     */
    static Optional<KeyFrame> keyFrameFor(byte[] bytes, Canvas canvas) {
        BufferedImage source = read(bytes);
        if (source == null) {
            return Optional.empty();
        }
        int sourceWidth = source.getWidth();
        int sourceHeight = source.getHeight();
        double wanted = (double) canvas.width() / canvas.height();
        double have = (double) sourceWidth / sourceHeight;
        double cropWidth = have > wanted ? sourceHeight * wanted : sourceWidth;
        double cropHeight = have > wanted ? sourceHeight : sourceWidth / wanted;
        double scale = Math.min(1.0, WAN_MAX_IMAGE_SIDE / Math.max(cropWidth, cropHeight));
        scale = Math.max(scale, WAN_MIN_IMAGE_SIDE / Math.min(cropWidth, cropHeight));
        int width = (int) Math.round(cropWidth * scale);
        int height = (int) Math.round(cropHeight * scale);
        boolean alpha = source.getColorModel().hasAlpha();
        if (Math.abs(have / wanted - 1) <= SAME_SHAPE && width == sourceWidth && height == sourceHeight && !alpha) {
            return Optional.of(new KeyFrame(bytes, sourceWidth, sourceHeight, sourceWidth, sourceHeight, false));
        }
        BufferedImage opaque = source;
        if (alpha) {
            opaque = new BufferedImage(sourceWidth, sourceHeight, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = opaque.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, sourceWidth, sourceHeight);
                g.drawImage(source, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        BufferedImage fitted = ImageSizing.fitToCanvas(opaque, width, height);
        boolean jpeg = MediaProbe.sniff(bytes).filter("image/jpeg"::equals).isPresent();
        byte[] encoded = jpeg ? jpeg(fitted) : png(fitted);
        if (encoded.length > InputRules.WAN_MAX_IMAGE_BYTES && !jpeg) {
            encoded = jpeg(fitted);
        }
        return Optional.of(new KeyFrame(encoded, sourceWidth, sourceHeight, width, height, true));
    }

    private static BufferedImage read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("writing a PNG to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("writing a JPEG to memory cannot fail", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
