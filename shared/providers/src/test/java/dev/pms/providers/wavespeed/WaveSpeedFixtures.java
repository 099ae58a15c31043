package dev.pms.providers.wavespeed;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.generation.GenerationRequest;
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
