package dev.pms.providers.offline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads what a test needs from an MP4's boxes: the movie's length and each track's kind, length and size. */
final class Mp4Boxes {

    /** One track: its handler ({@code vide}, {@code soun}), its length in seconds, its picture size and sample entry. */
    record Track(String handler, double seconds, int width, int height, String sampleEntry, int samples) {
    }

    private Mp4Boxes() {
    }

    static double movieSeconds(byte[] mp4) {
        ByteBuffer header = find(ByteBuffer.wrap(mp4), "moov", "mvhd");
        header.position(header.position() + 12);
        long timescale = Integer.toUnsignedLong(header.getInt());
        long duration = Integer.toUnsignedLong(header.getInt());
        return duration / (double) timescale;
    }

    static List<Track> tracks(byte[] mp4) {
        ByteBuffer moov = find(ByteBuffer.wrap(mp4), "moov");
        List<Track> tracks = new ArrayList<>();
        for (ByteBuffer trak : children(moov, "trak")) {
            ByteBuffer tkhd = find(trak.duplicate(), "tkhd");
            ByteBuffer widthAt = tkhd.duplicate();
            widthAt.position(tkhd.position() + 76);
            int width = widthAt.getInt() >>> 16;
            int height = widthAt.getInt() >>> 16;
            ByteBuffer mdhd = find(trak.duplicate(), "mdia", "mdhd");
            mdhd.position(mdhd.position() + 12);
            long timescale = Integer.toUnsignedLong(mdhd.getInt());
            long duration = Integer.toUnsignedLong(mdhd.getInt());
            ByteBuffer hdlr = find(trak.duplicate(), "mdia", "hdlr");
            hdlr.position(hdlr.position() + 8);
            byte[] handler = new byte[4];
            hdlr.get(handler);
            ByteBuffer stsd = find(trak.duplicate(), "mdia", "minf", "stbl", "stsd");
            stsd.position(stsd.position() + 12);
            byte[] entry = new byte[4];
            stsd.get(entry);
            ByteBuffer stsz = find(trak.duplicate(), "mdia", "minf", "stbl", "stsz");
            stsz.position(stsz.position() + 8);
            int samples = stsz.getInt();
            double seconds = duration / (double) timescale;
            ByteBuffer elst = findOrNull(trak.duplicate(), "edts", "elst");
            if (elst != null) {
                elst.position(elst.position() + 8);
                long segment = Integer.toUnsignedLong(elst.getInt());
                seconds = segment / (double) movieTimescale(moov);
            }
            tracks.add(new Track(new String(handler, StandardCharsets.US_ASCII), seconds, width, height,
                    new String(entry, StandardCharsets.US_ASCII), samples));
        }
        return tracks;
    }

    static Track track(byte[] mp4, String handler) {
        return tracks(mp4).stream().filter(track -> track.handler().equals(handler)).findFirst().orElse(null);
    }

    private static long movieTimescale(ByteBuffer moov) {
        ByteBuffer header = find(moov.duplicate(), "mvhd");
        header.position(header.position() + 12);
        return Integer.toUnsignedLong(header.getInt());
    }

    /** The body of the box at {@code path}, positioned at its first byte (after size and type). */
    static ByteBuffer find(ByteBuffer within, String... path) {
        ByteBuffer found = findOrNull(within, path);
        if (found == null) {
            throw new AssertionError("no box " + String.join("/", path));
        }
        return found;
    }

    private static ByteBuffer findOrNull(ByteBuffer within, String... path) {
        ByteBuffer current = within;
        for (String type : path) {
            List<ByteBuffer> matches = children(current, type);
            if (matches.isEmpty()) {
                return null;
            }
            current = matches.get(0);
        }
        return current;
    }

    private static List<ByteBuffer> children(ByteBuffer parent, String type) {
        List<ByteBuffer> matches = new ArrayList<>();
        int at = parent.position();
        while (at + 8 <= parent.limit()) {
            int size = parent.getInt(at);
            byte[] name = new byte[4];
            for (int i = 0; i < 4; i++) {
                name[i] = parent.get(at + 4 + i);
            }
            if (size < 8 || at + size > parent.limit()) {
                break;
            }
            if (new String(name, StandardCharsets.US_ASCII).equals(type)) {
                ByteBuffer body = parent.duplicate();
                body.position(at + 8);
                body.limit(at + size);
                matches.add(body.slice());
            }
            at += size;
        }
        return matches;
    }
}
