package dev.pms.providers.offline;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an MP4 in memory that browsers play: H.264 frames (jcodec's encoder) and, optionally, an Opus voice track
 * boxed as "Encapsulation of Opus in ISO Base Media File Format" describes ({@code Opus} sample entry, {@code dOps},
 * an edit list that skips the encoder's pre-roll). The movie box comes before the media data, so playback can start
 * before the whole file has arrived, and every creation and modification time is zero, so the same frames and voice
 * always give the same bytes.
 * <p>
 * The encoder searches no motion: a slideshow's frames differ by a slow zoom, which the residual carries at a few
 * per cent more bytes, while jcodec's motion search costs about two thirds of its encoding time (measured: 1080×1920
 * frames take about 60 ms instead of 180 ms).
 */
final class Mp4Writer {
    static final int MOVIE_TIMESCALE = 1_000;
    static final int VIDEO_TIMESCALE = 90_000;
    private static final int MOTION_SEARCH_RANGE = 0;
    private static final ColorSpace ENCODER_COLOURS = ColorSpace.YUV420J;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;
    private static final int VIDEO_TRACK_ID = 1;
    private static final int AUDIO_TRACK_ID = 2;

    private final H264Encoder encoder = H264Encoder.createH264Encoder();
    private final int framesPerSecond;
    private final List<byte[]> frames = new ArrayList<>();
    private final List<Integer> frameDurations = new ArrayList<>();
    private final List<Integer> keyFrames = new ArrayList<>();
    private ByteBuffer buffer;
    private byte[] sequenceParameters;
    private byte[] pictureParameters;
    private int width;
    private int height;
    private OpusVoiceTrack voice;
    private Mp3Track mp3;
    private long elapsedTicks;

    Mp4Writer(int framesPerSecond) {
        this.framesPerSecond = framesPerSecond;
        encoder.setMotionSearchRange(MOTION_SEARCH_RANGE);
    }

    /** Adds a frame shown for one frame period. */
    void addFrame(BufferedImage image) {
        addFrame(image, 1.0 / framesPerSecond);
    }

    /** Adds a frame shown for {@code seconds}. */
    void addFrame(BufferedImage image, double seconds) {
        addPicture(yuv(image), elapsedTicks / (double) VIDEO_TIMESCALE + seconds, false);
    }

    /**
     * Adds a frame already converted by {@link #yuv}, shown until {@code untilSeconds} from the start of the clip
     * (at least one tick), so that rounding never accumulates over many frames. A new scene starts with a key frame:
     * a hard cut coded as a change from the previous picture leaves ghosts of it at jcodec's fixed quality.
     */
    void addPicture(Picture yuv, double untilSeconds, boolean newScene) {
        if (buffer == null) {
            buffer = ByteBuffer.allocate(encoder.estimateBufferSize(yuv));
        }
        buffer.clear();
        boolean keyFrame;
        ByteBuffer data;
        if (newScene) {
            data = encoder.encodeIDRFrame(yuv, buffer);
            keyFrame = true;
        } else {
            VideoEncoder.EncodedFrame encoded = encoder.encodeFrame(yuv, buffer);
            data = encoded.getData();
            keyFrame = encoded.isKeyFrame();
        }
        addEncoded(yuv.getWidth(), yuv.getHeight(), data, keyFrame, untilSeconds);
    }

    /**
     * Adds a frame another encoder made (Annex B NAL units, parameter sets included in a key frame), shown until
     * {@code untilSeconds}. Every encoder that feeds one writer must use the same parameter sets.
     */
    void addEncoded(int frameWidth, int frameHeight, ByteBuffer data, boolean keyFrame, double untilSeconds) {
        if (frames.isEmpty()) {
            width = frameWidth;
            height = frameHeight;
        }
        ByteArrayOutputStream sample = new ByteArrayOutputStream();
        for (ByteBuffer unit : H264Utils.splitFrame(data.duplicate())) {
            byte[] nal = new byte[unit.remaining()];
            unit.get(nal);
            int type = nal[0] & 0x1F;
            if (type == NAL_SPS) {
                sequenceParameters = sequenceParameters == null ? nal : sequenceParameters;
            } else if (type == NAL_PPS) {
                pictureParameters = pictureParameters == null ? nal : pictureParameters;
            } else {
                sample.writeBytes(ByteBuffer.allocate(4).putInt(nal.length).array());
                sample.writeBytes(nal);
            }
        }
        if (keyFrame) {
            keyFrames.add(frames.size() + 1);
        }
        frames.add(sample.toByteArray());
        long until = Math.max(elapsedTicks + 1, Math.round(untilSeconds * VIDEO_TIMESCALE));
        frameDurations.add((int) (until - elapsedTicks));
        elapsedTicks = until;
    }

    /** Adds the voice as an Opus track. */
    void addVoice(OpusVoiceTrack track) {
        this.voice = track;
        this.mp3 = null;
    }

    /** Adds MPEG audio frames as they are, instead of a voice. */
    void addMp3(Mp3Track track) {
        this.mp3 = track;
        this.voice = null;
    }

    /**
     * The image in full-range BT.601 YCbCr 4:2:0 (each chroma sample the mean of its 2×2 pixels), in jcodec's signed
     * samples (value − 128), read in one pass straight from the pixel array: jcodec's own two-step conversion took a
     * quarter of the encoding time.
     */
    static Picture yuv(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("4:2:0 needs even sides, not " + width + "x" + height);
        }
        int[] pixels = pixels(image);
        Picture picture = Picture.create(width, height, ENCODER_COLOURS);
        byte[] luma = picture.getPlaneData(0);
        byte[] blue = picture.getPlaneData(1);
        byte[] red = picture.getPlaneData(2);
        int chromaWidth = picture.getPlaneWidth(1);
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                int cb = 0;
                int cr = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int index = (y + dy) * width + x + dx;
                        int pixel = pixels[index];
                        int r = pixel >> 16 & 0xFF;
                        int g = pixel >> 8 & 0xFF;
                        int b = pixel & 0xFF;
                        luma[index] = (byte) (((77 * r + 150 * g + 29 * b + 128) >> 8) - 128);
                        cb += -43 * r - 85 * g + 128 * b;
                        cr += 128 * r - 107 * g - 21 * b;
                    }
                }
                int chroma = (y >> 1) * chromaWidth + (x >> 1);
                blue[chroma] = (byte) clip((cb + 512) >> 10);
                red[chroma] = (byte) clip((cr + 512) >> 10);
            }
        }
        return picture;
    }

    /**
     * The image in BT.601 "video range" YCbCr 4:2:0 (luma 16–235, chroma 16–240), the range a player assumes when
     * the stream does not say (jcodec writes no range flag), so that a browser shows the colours that were painted.
     */
    static Picture yuvVideoRange(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("4:2:0 needs even sides, not " + width + "x" + height);
        }
        int[] pixels = pixels(image);
        Picture picture = Picture.create(width, height, ENCODER_COLOURS);
        byte[] luma = picture.getPlaneData(0);
        byte[] blue = picture.getPlaneData(1);
        byte[] red = picture.getPlaneData(2);
        int chromaWidth = picture.getPlaneWidth(1);
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                int cb = 0;
                int cr = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int index = (y + dy) * width + x + dx;
                        int pixel = pixels[index];
                        int r = pixel >> 16 & 0xFF;
                        int g = pixel >> 8 & 0xFF;
                        int b = pixel & 0xFF;
                        luma[index] = (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16 - 128);
                        cb += -38 * r - 74 * g + 112 * b;
                        cr += 112 * r - 94 * g - 18 * b;
                    }
                }
                int chroma = (y >> 1) * chromaWidth + (x >> 1);
                blue[chroma] = (byte) clip((cb + 512) >> 10);
                red[chroma] = (byte) clip((cr + 512) >> 10);
            }
        }
        return picture;
    }

    private static int[] pixels(BufferedImage image) {
        boolean packed = image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB;
        if (packed && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getData().length == image.getWidth() * image.getHeight()) {
            return buffer.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int clip(int value) {
        return Math.max(-128, Math.min(127, value));
    }

    byte[] finish() {
        if (frames.isEmpty() || sequenceParameters == null || pictureParameters == null) {
            throw new IllegalStateException("an MP4 needs at least one encoded key frame");
        }
        byte[] fileType = Mp4Box.plain("ftyp").fourCc("isom").u32(512)
                .fourCc("isom").fourCc("iso2").fourCc("avc1").fourCc("mp41").bytes();
        int mediaHeader = 8;
        int movieLength = movie(0).length;
        long mediaStart = (long) fileType.length + movieLength + mediaHeader;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(fileType);
        file.writeBytes(movie(mediaStart));
        long mediaLength = frames.stream().mapToLong(f -> f.length).sum()
                + audioPackets().stream().mapToLong(p -> p.length).sum();
        file.writeBytes(ByteBuffer.allocate(mediaHeader).putInt((int) (mediaHeader + mediaLength)).put("mdat".getBytes(
                StandardCharsets.US_ASCII)).array());
        frames.forEach(file::writeBytes);
        audioPackets().forEach(file::writeBytes);
        return file.toByteArray();
    }

    private List<byte[]> audioPackets() {
        return voice != null ? voice.packets() : mp3 != null ? mp3.frames() : List.of();
    }

    /** The video's samples form one chunk at {@code mediaStart}, the voice's another right after it. */
    private byte[] movie(long mediaStart) {
        long videoUnits = frameDurations.stream().mapToLong(Integer::longValue).sum();
        long videoMovieUnits = Math.round(videoUnits * (double) MOVIE_TIMESCALE / VIDEO_TIMESCALE);
        long audioMovieUnits = voice != null ? Math.round(voice.durationSeconds() * MOVIE_TIMESCALE)
                : mp3 != null ? Math.round(mp3.durationSeconds() * MOVIE_TIMESCALE) : 0;
        Mp4Box movie = Mp4Box.plain("moov").child(movieHeader(Math.max(videoMovieUnits, audioMovieUnits)))
                .child(videoTrack(videoMovieUnits, videoUnits, mediaStart));
        if (voice != null) {
            long audioStart = mediaStart + frames.stream().mapToLong(f -> f.length).sum();
            movie.child(audioTrack(audioMovieUnits, audioStart));
        } else if (mp3 != null) {
            long audioStart = mediaStart + frames.stream().mapToLong(f -> f.length).sum();
            movie.child(mp3Track(audioMovieUnits, audioStart));
        }
        return movie.bytes();
    }

    private Mp4Box movieHeader(long duration) {
        Mp4Box header = Mp4Box.full("mvhd", 0, 0).u32(0).u32(0).u32(MOVIE_TIMESCALE).u32(duration)
                .u32(0x0001_0000).u16(0x0100).zeros(10);
        return matrix(header).zeros(24).u32(voice == null && mp3 == null ? AUDIO_TRACK_ID : AUDIO_TRACK_ID + 1);
    }

    private static Mp4Box matrix(Mp4Box box) {
        return box.u32(0x0001_0000).u32(0).u32(0).u32(0).u32(0x0001_0000).u32(0).u32(0).u32(0).u32(0x4000_0000);
    }

    private static Mp4Box trackHeader(int trackId, long duration, boolean audio, int width, int height) {
        Mp4Box header = Mp4Box.full("tkhd", 0, 0x3).u32(0).u32(0).u32(trackId).u32(0).u32(duration).zeros(8)
                .u16(0).u16(audio ? 1 : 0).u16(audio ? 0x0100 : 0).u16(0);
        return matrix(header).u32((long) width << 16).u32((long) height << 16);
    }

    private static Mp4Box mediaHeader(int timescale, long duration) {
        return Mp4Box.full("mdhd", 0, 0).u32(0).u32(0).u32(timescale).u32(duration).u16(0x55C4).u16(0);
    }

    private static Mp4Box handler(String type, String name) {
        return Mp4Box.full("hdlr", 0, 0).u32(0).fourCc(type).zeros(12)
                .bytes(name.getBytes(StandardCharsets.US_ASCII)).u8(0);
    }

    private static Mp4Box dataInformation() {
        return Mp4Box.plain("dinf").child(Mp4Box.full("dref", 0, 0).u32(1).child(Mp4Box.full("url ", 0, 1)));
    }

    private Mp4Box videoTrack(long movieDuration, long mediaDuration, long chunkOffset) {
        Mp4Box sampleEntry = Mp4Box.plain("avc1").zeros(6).u16(1).zeros(16).u16(width).u16(height)
                .u32(0x0048_0000).u32(0x0048_0000).u32(0).u16(1).zeros(32).u16(0x0018).u16(0xFFFF)
                .child(avcConfiguration());
        Mp4Box timeToSample = Mp4Box.full("stts", 0, 0);
        List<int[]> runs = runs(frameDurations);
        timeToSample.u32(runs.size());
        runs.forEach(run -> timeToSample.u32(run[0]).u32(run[1]));
        Mp4Box syncSamples = Mp4Box.full("stss", 0, 0).u32(keyFrames.size());
        keyFrames.forEach(syncSamples::u32);
        Mp4Box sampleTable = Mp4Box.plain("stbl").child(Mp4Box.full("stsd", 0, 0).u32(1).child(sampleEntry))
                .child(timeToSample).child(syncSamples).child(oneChunk(frames.size()))
                .child(sampleSizes(frames)).child(Mp4Box.full("stco", 0, 0).u32(1).u32(chunkOffset));
        Mp4Box media = Mp4Box.plain("mdia").child(mediaHeader(VIDEO_TIMESCALE, mediaDuration))
                .child(handler("vide", "VideoHandler"))
                .child(Mp4Box.plain("minf").child(Mp4Box.full("vmhd", 0, 1).zeros(8)).child(dataInformation())
                        .child(sampleTable));
        return Mp4Box.plain("trak").child(trackHeader(VIDEO_TRACK_ID, movieDuration, false, width, height)).child(media);
    }

    /** {@code avcC}: one sequence and one picture parameter set, four-byte NAL lengths. */
    private Mp4Box avcConfiguration() {
        return Mp4Box.plain("avcC").u8(1).u8(sequenceParameters[1]).u8(sequenceParameters[2]).u8(sequenceParameters[3])
                .u8(0xFF).u8(0xE1).u16(sequenceParameters.length).bytes(sequenceParameters)
                .u8(1).u16(pictureParameters.length).bytes(pictureParameters);
    }

    /** The voice's pre-skip is cut by the {@code dOps} box and by an edit list that starts the track after it. */
    private Mp4Box audioTrack(long movieDuration, long chunkOffset) {
        Mp4Box opusSpecific = Mp4Box.plain("dOps").u8(0).u8(1).u16(voice.preSkip()).u32(voice.inputSampleRate())
                .u16(0).u8(0);
        Mp4Box sampleEntry = Mp4Box.plain("Opus").zeros(6).u16(1).zeros(8).u16(1).u16(16).u16(0).u16(0)
                .u32((long) OpusVoiceTrack.CLOCK_RATE << 16).child(opusSpecific);
        Mp4Box sampleTable = Mp4Box.plain("stbl").child(Mp4Box.full("stsd", 0, 0).u32(1).child(sampleEntry))
                .child(Mp4Box.full("stts", 0, 0).u32(1).u32(voice.packets().size()).u32(OpusVoiceTrack.PACKET_SAMPLES))
                .child(oneChunk(voice.packets().size())).child(sampleSizes(voice.packets()))
                .child(Mp4Box.full("stco", 0, 0).u32(1).u32(chunkOffset));
        Mp4Box media = Mp4Box.plain("mdia").child(mediaHeader(OpusVoiceTrack.CLOCK_RATE, voice.encodedSamples()))
                .child(handler("soun", "SoundHandler"))
                .child(Mp4Box.plain("minf").child(Mp4Box.full("smhd", 0, 0).u32(0)).child(dataInformation())
                        .child(sampleTable));
        Mp4Box edits = Mp4Box.plain("edts").child(Mp4Box.full("elst", 0, 0).u32(1).u32(movieDuration)
                .u32(voice.preSkip()).u32(0x0001_0000));
        return Mp4Box.plain("trak").child(trackHeader(AUDIO_TRACK_ID, movieDuration, true, 0, 0)).child(edits)
                .child(media);
    }

    /**
     * MPEG audio in an {@code mp4a} sample entry whose {@code esds} names it by object type (0x6B for MPEG-1, 0x69
     * for MPEG-2 audio), one frame per sample; an edit list skips the encoder's delay when the file declared it.
     */
    private Mp4Box mp3Track(long movieDuration, long chunkOffset) {
        byte[] decoderConfig = descriptor(0x04, Mp4Box.plain("dcfg").u8(mp3.objectType()).u8(0x15).u24(0)
                .u32(mp3.maxBitrate()).u32(mp3.averageBitrate()).payload());
        byte[] syncLayerConfig = descriptor(0x06, new byte[] {0x02});
        byte[] elementaryStream = descriptor(0x03, Mp4Box.plain("esdc").u16(0).u8(0).bytes(decoderConfig)
                .bytes(syncLayerConfig).payload());
        Mp4Box sampleEntry = Mp4Box.plain("mp4a").zeros(6).u16(1).zeros(8).u16(mp3.channels()).u16(16).u16(0).u16(0)
                .u32((long) mp3.sampleRate() << 16).child(Mp4Box.full("esds", 0, 0).bytes(elementaryStream));
        Mp4Box sampleTable = Mp4Box.plain("stbl").child(Mp4Box.full("stsd", 0, 0).u32(1).child(sampleEntry))
                .child(Mp4Box.full("stts", 0, 0).u32(1).u32(mp3.frames().size()).u32(mp3.samplesPerFrame()))
                .child(oneChunk(mp3.frames().size())).child(sampleSizes(mp3.frames()))
                .child(Mp4Box.full("stco", 0, 0).u32(1).u32(chunkOffset));
        Mp4Box media = Mp4Box.plain("mdia").child(mediaHeader(mp3.sampleRate(), mp3.encodedSamples()))
                .child(handler("soun", "SoundHandler"))
                .child(Mp4Box.plain("minf").child(Mp4Box.full("smhd", 0, 0).u32(0)).child(dataInformation())
                        .child(sampleTable));
        Mp4Box edits = Mp4Box.plain("edts").child(Mp4Box.full("elst", 0, 0).u32(1).u32(movieDuration)
                .u32(mp3.skippedSamples()).u32(0x0001_0000));
        return Mp4Box.plain("trak").child(trackHeader(AUDIO_TRACK_ID, movieDuration, true, 0, 0)).child(edits)
                .child(media);
    }

    /** An MPEG-4 descriptor: tag, one length byte (every descriptor here is shorter than 128 bytes), body. */
    private static byte[] descriptor(int tag, byte[] body) {
        if (body.length > 127) {
            throw new IllegalStateException("a descriptor of " + body.length + " bytes needs a longer length field");
        }
        ByteBuffer framed = ByteBuffer.allocate(2 + body.length).put((byte) tag).put((byte) body.length).put(body);
        return framed.array();
    }

    private static Mp4Box oneChunk(int samples) {
        return Mp4Box.full("stsc", 0, 0).u32(1).u32(1).u32(samples).u32(1);
    }

    private static Mp4Box sampleSizes(List<byte[]> samples) {
        Mp4Box sizes = Mp4Box.full("stsz", 0, 0).u32(0).u32(samples.size());
        samples.forEach(sample -> sizes.u32(sample.length));
        return sizes;
    }

    /** Consecutive equal durations as (count, duration) pairs. */
    private static List<int[]> runs(List<Integer> durations) {
        List<int[]> runs = new ArrayList<>();
        for (int duration : durations) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == duration) {
                runs.get(runs.size() - 1)[0]++;
            } else {
                runs.add(new int[] {1, duration});
            }
        }
        return runs;
    }
}
