package dev.pms.providers.wavespeed;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.pricing.QualityTier;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Requests and small media files for the WaveSpeed tests. */
public final class WaveSpeedFixtures {
    static final String SCRIPT = "Meet Acme Notes. It listens to every meeting, writes the summary for you and "
            + "files each next step where your team already works, so nothing slips.";

    private WaveSpeedFixtures() {
    }

    static Placement placement(String key) {
        return ChannelCatalog.load().requirePlacement(key);
    }

    static GenerationRequest request(AssetType type, String placementKey, String model, byte[] keyFrame,
                                     String script) {
        return new GenerationRequest("job-7", "asset-7", type, placementKey == null ? null : placement(placementKey),
                "A bright desk with an open notebook, morning light", "Write less, remember more",
                "Acme Notes turns every meeting into clear next steps.", Map.of("product_name", "Acme Notes"),
                List.of("#1F6FEB", "#F78166"), List.of(), "wavespeed", model, QualityTier.STANDARD, keyFrame, script);
    }

    /** The studio's guarded prompt, as the core builds it (brand colours already in it). */
    public static final String STUDIO_PROMPT = "Acme Notes notebook on a seamless studio backdrop, soft even light, "
            + "brand colours #1F6FEB and #F78166, no text";
    public static final List<String> FORBIDDEN = List.of("game changer", "revolutionary");

    /** A studio placement: just the canvas the studio asks for, as the core makes one for a studio call. */
    public static Placement studioPlacement(StudioBrief.Operation operation, AssetType type, int width, int height) {
        return new Placement("studio/" + operation.code(), null, type,
                new Canvas(width, height, width + ":" + height, 0.01), null, null, null, List.of(), null, List.of(),
                null, null, List.of(), "studio", null);
    }

    /** A product-studio request as the core sends it. */
    public static GenerationRequest studioRequest(StudioBrief brief, AssetType type, int width, int height,
                                                  String model, byte[] keyFrame, String script) {
        return new GenerationRequest("studio-job-1", "studio-asset-1", type,
                studioPlacement(brief.operation(), type, width, height), STUDIO_PROMPT, "Write less, remember more",
                "Acme Notes turns every meeting into clear next steps.",
                Map.of("product_name", "Acme Notes", "product_description", "A notebook that writes the summary"),
                List.of("#1F6FEB", "#F78166"), FORBIDDEN, "wavespeed", model, QualityTier.STANDARD, keyFrame, script,
                null, null, null, brief);
    }

    public static StudioBrief photoshoot(String background) {
        return new StudioBrief(StudioBrief.Operation.PHOTOSHOOT, "photoshoot",
                Map.of("environment", "studio", "background_style", background, "lighting", "studio"), 0, List.of(),
                null, null, 1, 2);
    }

    public static StudioBrief animation(String preset, int seconds) {
        return new StudioBrief(StudioBrief.Operation.ANIMATE, preset, Map.of(), seconds, List.of(), null, null, 1, 1);
    }

    public static StudioBrief productVideo(String preset, int seconds, List<StudioBrief.Scene> scenes) {
        return new StudioBrief(StudioBrief.Operation.PRODUCT_VIDEO, preset, Map.of(), seconds, scenes, null, null, 1,
                1);
    }

    public static StudioBrief explainer(byte[] audio, String mimeType) {
        return new StudioBrief(StudioBrief.Operation.AVATAR_EXPLAINER, "product_overview", Map.of(), 0, List.of(),
                audio, mimeType, 1, 1);
    }

    public static List<StudioBrief.Scene> scenes() {
        return List.of(
                new StudioBrief.Scene("hook", "Meetings, handled", "Your meeting ends and the notes are already done."),
                new StudioBrief.Scene("feature", "Next steps, filed", "Every next step lands where your team works."),
                new StudioBrief.Scene("cta", "Try Acme Notes", "Try Acme Notes free today."));
    }

    /** A PNG of the size with a red left half and a blue right half, so a crop can be seen. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The boxes an MP4 reader needs for duration and size: ftyp, then moov with mvhd and a trak's tkhd. */
    public static byte[] mp4(double seconds, int width, int height) {
        ByteBuffer mvhd = ByteBuffer.allocate(108);
        mvhd.putInt(108).put(ascii("mvhd")).putInt(0).putInt(0).putInt(0).putInt(1000)
                .putInt((int) Math.round(seconds * 1000)).putInt(0x00010000).putShort((short) 0x0100);
        ByteBuffer tkhd = ByteBuffer.allocate(92);
        tkhd.putInt(92).put(ascii("tkhd")).putInt(3).putInt(0).putInt(0).putInt(1).putInt(0)
                .putInt((int) Math.round(seconds * 1000));
        tkhd.position(8 + 76);
        tkhd.putInt(width << 16).putInt(height << 16);
        ByteBuffer trak = ByteBuffer.allocate(8 + 92);
        trak.putInt(100).put(ascii("trak")).put(tkhd.array());
        ByteBuffer moov = ByteBuffer.allocate(8 + 108 + 100);
        moov.putInt(216).put(ascii("moov")).put(mvhd.array()).put(trak.array());
        ByteBuffer file = ByteBuffer.allocate(20 + 216);
        file.putInt(20).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200).put(ascii("isom")).put(moov.array());
        return file.array();
    }

    /** A silent 16 kHz mono 16-bit PCM WAV of the length. */
    public static byte[] wav(double seconds) {
        int data = (int) Math.round(seconds * 16_000) * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + data).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000)
                .putShort((short) 2).putShort((short) 16)
                .put(ascii("data")).putInt(data);
        return wav.array();
    }

    /** A PNG with an alpha channel: transparent, with an opaque red square in the middle. */
    public static byte[] transparentPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An MP3 of the length: an ID3v2 tag, a Xing header frame, then silent MPEG-1 layer III frames at 128 kbit/s and
     * 44.1 kHz (417 bytes, every other one padded to 418).
     */
    public static byte[] mp3(double seconds) {
        int frames = (int) Math.round(seconds * 44_100 / 1152);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] id3 = new byte[10 + 20];
        System.arraycopy(ascii("ID3"), 0, id3, 0, 3);
        id3[3] = 4;
        id3[9] = 20;
        out.writeBytes(id3);
        for (int i = -1; i < frames; i++) {
            int padding = i >= 0 && i % 2 == 0 ? 1 : 0;
            byte[] frame = new byte[417 + padding];
            frame[0] = (byte) 0xFF;
            frame[1] = (byte) 0xFB;
            frame[2] = (byte) (0x90 | padding << 1);
            frame[3] = (byte) 0x44;
            if (i < 0) {
                System.arraycopy(ascii("Xing"), 0, frame, 36, 4);
            }
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
