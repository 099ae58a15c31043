package dev.pms.providers.offline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MPEG audio frames of an MP3 file, found by their headers, ready to be muxed into an MP4 as they are: one frame
 * per sample, every frame of one layer, version and sample rate. An ID3v2 tag in front and an ID3v1 tag behind are
 * skipped; a Xing/Info frame carries no audio and is dropped, and the encoder delay and padding its LAME extension
 * declares are cut, so that {@link #durationSeconds()} is what a listener hears.
 *
 * @param skippedSamples samples at the start that only prime the decoder (an edit list skips them)
 * @param playedSamples  samples that are heard
 */
record Mp3Track(List<byte[]> frames, int sampleRate, int channels, int samplesPerFrame, int objectType, long maxBitrate,
                long averageBitrate, int skippedSamples, long playedSamples) {
    /** MPEG-1 audio (ISO/IEC 11172-3) as an MP4 object type. */
    static final int MPEG1_AUDIO = 0x6B;
    /** MPEG-2 lower-sampling-rate audio (ISO/IEC 13818-3). */
    static final int MPEG2_AUDIO = 0x69;
    /** Samples a standard MP3 decoder outputs before the first encoded sample (LAME's convention). */
    static final int DECODER_DELAY = 529;
    private static final int[][] LAYER3_KBPS = {
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}};
    private static final int[][] SAMPLE_RATES = {{44_100, 48_000, 32_000}, {22_050, 24_000, 16_000}, {11_025, 12_000, 8_000}};

    /** Reads the frames of an MP3 file; throws {@link IllegalArgumentException} when it holds no MPEG Layer III audio. */
    static Mp3Track parse(byte[] file) {
        int offset = afterId3v2(file);
        int end = file.length;
        if (end - offset >= 128 && file[end - 128] == 'T' && file[end - 127] == 'A' && file[end - 126] == 'G') {
            end -= 128;
        }
        offset = firstFrame(file, offset, end);
        if (offset < 0) {
            throw new IllegalArgumentException("no MPEG Layer III frame found: the audio is not an MP3");
        }
        Header first = Header.at(file, offset);
        List<byte[]> frames = new ArrayList<>();
        long totalBits = 0;
        long maxBitrate = 0;
        int delay = 0;
        int padding = 0;
        boolean firstFrame = true;
        while (offset + 4 <= end) {
            Header header = Header.at(file, offset);
            if (header == null || header.sampleRate != first.sampleRate || header.version != first.version
                    || offset + header.length > end) {
                break;
            }
            int tagAt = offset + 4 + (header.crc() ? 2 : 0) + header.sideInfoLength();
            if (firstFrame && isXing(file, tagAt)) {
                int[] lame = lameDelayAndPadding(file, tagAt, offset + header.length);
                delay = lame[0];
                padding = lame[1];
            } else {
                byte[] frame = new byte[header.length];
                System.arraycopy(file, offset, frame, 0, header.length);
                frames.add(frame);
                totalBits += header.length * 8L;
                maxBitrate = Math.max(maxBitrate, header.kbps * 1000L);
            }
            firstFrame = false;
            offset += header.length;
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("the MP3 holds no audio frames");
        }
        long encoded = (long) frames.size() * first.samplesPerFrame();
        boolean declared = delay + padding > 0 && delay + padding < encoded;
        int skipped = declared ? delay + DECODER_DELAY : 0;
        long played = declared ? Math.max(1, encoded - delay - padding) : encoded;
        if (skipped + played > encoded) {
            played = encoded - skipped;
        }
        long average = Math.round(totalBits / (encoded / (double) first.sampleRate));
        return new Mp3Track(List.copyOf(frames), first.sampleRate, first.channels(), first.samplesPerFrame(),
                first.version == 0 ? MPEG1_AUDIO : MPEG2_AUDIO, maxBitrate, average, skipped, played);
    }

    long encodedSamples() {
        return (long) frames.size() * samplesPerFrame;
    }

    double durationSeconds() {
        return playedSamples / (double) sampleRate;
    }

    private static int afterId3v2(byte[] file) {
        int offset = 0;
        while (offset + 10 <= file.length && file[offset] == 'I' && file[offset + 1] == 'D' && file[offset + 2] == '3') {
            int size = (file[offset + 6] & 0x7F) << 21 | (file[offset + 7] & 0x7F) << 14 | (file[offset + 8] & 0x7F) << 7
                    | file[offset + 9] & 0x7F;
            boolean footer = (file[offset + 5] & 0x10) != 0;
            offset += 10 + size + (footer ? 10 : 0);
        }
        return offset;
    }

    /** The first header that another valid header follows (or that ends the file), so stray sync bits do not count. */
    private static int firstFrame(byte[] file, int from, int end) {
        for (int offset = from; offset + 4 <= end; offset++) {
            Header header = Header.at(file, offset);
            if (header == null) {
                continue;
            }
            int next = offset + header.length;
            if (next == end) {
                return offset;
            }
            Header following = next + 4 <= end ? Header.at(file, next) : null;
            if (following != null && following.sampleRate == header.sampleRate && following.version == header.version) {
                return offset;
            }
        }
        return -1;
    }

    private static boolean isXing(byte[] file, int at) {
        if (at + 8 > file.length) {
            return false;
        }
        String tag = new String(file, at, 4, StandardCharsets.US_ASCII);
        return tag.equals("Xing") || tag.equals("Info");
    }

    /** Encoder delay and padding from the LAME extension after the Xing fields, {0, 0} when there is none. */
    private static int[] lameDelayAndPadding(byte[] file, int xingAt, int frameEnd) {
        int flags = (file[xingAt + 4] & 0xFF) << 24 | (file[xingAt + 5] & 0xFF) << 16 | (file[xingAt + 6] & 0xFF) << 8
                | file[xingAt + 7] & 0xFF;
        int lameAt = xingAt + 8 + ((flags & 1) != 0 ? 4 : 0) + ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0)
                + ((flags & 8) != 0 ? 4 : 0);
        int delayAt = lameAt + 21;
        if (delayAt + 3 > frameEnd) {
            return new int[] {0, 0};
        }
        String encoder = new String(file, lameAt, 4, StandardCharsets.US_ASCII);
        if (!encoder.equals("LAME") && !encoder.equals("Lavf") && !encoder.equals("Lavc")) {
            return new int[] {0, 0};
        }
        int packed = (file[delayAt] & 0xFF) << 16 | (file[delayAt + 1] & 0xFF) << 8 | file[delayAt + 2] & 0xFF;
        return new int[] {packed >> 12, packed & 0xFFF};
    }

    /** An MPEG audio Layer III frame header. {@code version}: 0 MPEG-1, 1 MPEG-2, 2 MPEG-2.5. */
    private record Header(int version, int kbps, int sampleRate, boolean mono, boolean crc, int length) {

        static Header at(byte[] file, int offset) {
            if (offset + 4 > file.length || (file[offset] & 0xFF) != 0xFF || (file[offset + 1] & 0xE0) != 0xE0) {
                return null;
            }
            int versionBits = file[offset + 1] >> 3 & 0x3;
            int layerBits = file[offset + 1] >> 1 & 0x3;
            int bitrateIndex = file[offset + 2] >> 4 & 0xF;
            int rateIndex = file[offset + 2] >> 2 & 0x3;
            int paddingBit = file[offset + 2] >> 1 & 0x1;
            int channelMode = file[offset + 3] >> 6 & 0x3;
            if (versionBits == 1 || layerBits != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
                return null;
            }
            int version = versionBits == 3 ? 0 : versionBits == 2 ? 1 : 2;
            int kbps = LAYER3_KBPS[version == 0 ? 0 : 1][bitrateIndex];
            int sampleRate = SAMPLE_RATES[version][rateIndex];
            int coefficient = version == 0 ? 144 : 72;
            int length = coefficient * kbps * 1000 / sampleRate + paddingBit;
            return new Header(version, kbps, sampleRate, channelMode == 3, (file[offset + 1] & 0x1) == 0, length);
        }

        int samplesPerFrame() {
            return version == 0 ? 1152 : 576;
        }

        int channels() {
            return mono ? 1 : 2;
        }

        int sideInfoLength() {
            if (version == 0) {
                return mono ? 17 : 32;
            }
            return mono ? 9 : 17;
        }
    }
}
