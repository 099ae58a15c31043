package dev.pms.journeys.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a test needs from an MP4: the movie's length, the video track's size and the tracks' handler types. */
record Mp4Facts(double seconds, int width, int height, List<String> handlers) {

    static Mp4Facts read(byte[] mp4) {
        ByteBuffer in = ByteBuffer.wrap(mp4);
        double[] seconds = {0};
        int[] size = {0, 0};
        List<String> handlers = new ArrayList<>();
        walk(in, 0, mp4.length, seconds, size, handlers);
        if (handlers.isEmpty()) {
            throw new AssertionError("not an MP4 with tracks");
        }
        return new Mp4Facts(seconds[0], size[0], size[1], handlers);
    }

    private static void walk(ByteBuffer in, int from, int to, double[] seconds, int[] size, List<String> handlers) {
        int at = from;
        while (at + 8 <= to) {
            long boxSize = in.getInt(at) & 0xFFFFFFFFL;
            String type = new String(new byte[]{in.get(at + 4), in.get(at + 5), in.get(at + 6), in.get(at + 7)},
                    StandardCharsets.US_ASCII);
            if (boxSize < 8 || at + boxSize > to) {
                return;
            }
            int body = at + 8;
            switch (type) {
                case "moov", "trak", "mdia" -> walk(in, body, (int) (at + boxSize), seconds, size, handlers);
                case "mvhd" -> {
                    int version = in.get(body);
                    long timescale = version == 1 ? in.getInt(body + 20) & 0xFFFFFFFFL : in.getInt(body + 12) & 0xFFFFFFFFL;
                    long duration = version == 1 ? in.getLong(body + 24) : in.getInt(body + 16) & 0xFFFFFFFFL;
                    seconds[0] = (double) duration / timescale;
                }
                case "tkhd" -> {
                    int version = in.get(body);
                    int end = (int) (at + boxSize);
                    int width = in.getInt(end - 8) >>> 16;
                    int height = in.getInt(end - 4) >>> 16;
                    if (width > 0 && version >= 0) {
                        size[0] = width;
                        size[1] = height;
                    }
                }
                case "hdlr" -> handlers.add(new String(new byte[]{in.get(body + 8), in.get(body + 9), in.get(body + 10),
                        in.get(body + 11)}, StandardCharsets.US_ASCII));
                default -> {
                }
            }
            at += (int) boxSize;
        }
    }
}
