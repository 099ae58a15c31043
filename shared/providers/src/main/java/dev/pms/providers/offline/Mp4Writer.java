package dev.pms.providers.offline;

import org.jcodec.api.transcode.AudioFrameWithPacket;
import org.jcodec.api.transcode.PixelStore;
import org.jcodec.api.transcode.SinkImpl;
import org.jcodec.api.transcode.VideoFrameWithPacket;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.model.AudioBuffer;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes an MP4 in memory with jcodec: H.264 frames (what {@code AWTSequenceEncoder} does) and, optionally, one
 * 16-bit little-endian PCM sound track.
 */
final class Mp4Writer {
    private static final int AUDIO_PACKET_FRAMES = 4_096;

    private final InMemoryChannel out = new InMemoryChannel();
    private final SinkImpl sink;
    private final int framesPerSecond;
    private final Transform toEncoderColours;
    private final ColorSpace encoderColours;
    private int frameNumber;

    Mp4Writer(int framesPerSecond, boolean withSound) throws IOException {
        this.framesPerSecond = framesPerSecond;
        this.sink = SinkImpl.createWithStream(out, Format.MOV, Codec.H264, withSound ? Codec.PCM : null);
        sink.init();
        this.encoderColours = sink.getInputColor();
        this.toEncoderColours = ColorUtil.getTransform(ColorSpace.RGB, encoderColours);
    }

    void addFrame(BufferedImage image) throws IOException {
        Picture rgb = AWTUtil.fromBufferedImageRGB(image);
        Picture encoded = Picture.create(rgb.getWidth(), rgb.getHeight(), encoderColours);
        toEncoderColours.transform(rgb, encoded);
        Packet timing = Packet.createPacket(null, frameNumber, framesPerSecond, 1, frameNumber, Packet.FrameType.KEY, null);
        sink.outputVideoFrame(new VideoFrameWithPacket(timing, new PixelStore.LoanerPicture(encoded, 1)));
        frameNumber++;
    }

    /** Adds the sound track, converted to 16-bit little-endian signed PCM. */
    void addSound(SpeechAudio sound) throws IOException {
        AudioFormat source = sound.format();
        AudioFormat target = new AudioFormat(source.getSampleRate(), 16, source.getChannels(), true, false);
        byte[] pcm;
        try (AudioInputStream converted = AudioSystem.getAudioInputStream(target,
                new AudioInputStream(new ByteArrayInputStream(sound.pcm()), source, sound.pcm().length / source.getFrameSize()))) {
            pcm = converted.readAllBytes();
        }
        org.jcodec.common.AudioFormat format = new org.jcodec.common.AudioFormat(
                (int) target.getSampleRate(), 16, target.getChannels(), true, false);
        int frameSize = target.getFrameSize();
        int totalFrames = pcm.length / frameSize;
        for (int first = 0, packet = 0; first < totalFrames; first += AUDIO_PACKET_FRAMES, packet++) {
            int frames = Math.min(AUDIO_PACKET_FRAMES, totalFrames - first);
            ByteBuffer data = ByteBuffer.wrap(pcm, first * frameSize, frames * frameSize).slice();
            Packet timing = Packet.createPacket(data, first, format.getSampleRate(), frames, packet, Packet.FrameType.KEY, null);
            sink.outputAudioFrame(new AudioFrameWithPacket(new AudioBuffer(data, format, frames), timing));
        }
    }

    byte[] finish() throws IOException {
        sink.finish();
        return Mp4Timestamps.cleared(out.toByteArray());
    }
}
