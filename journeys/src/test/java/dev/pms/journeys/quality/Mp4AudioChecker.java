package dev.pms.journeys.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The audio of every MP4 of a run: it must have a sound track whose sample entry ({@code moov/trak/mdia/minf/stbl/stsd})
 * is a codec browsers play, AAC ({@code mp4a}) or Opus, not PCM ({@code lpcm}, {@code sowt}, {@code twos}, …).
 */
final class Mp4AudioChecker {
    static final Set<String> PLAYABLE = Set.of("mp4a", "Opus");
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");

    List<Defect> check(DemoRun run) {
        List<Defect> defects = new ArrayList<>();
        for (DemoRun.Asset asset : run.assets) {
            if (asset.file() == null || !asset.entry().path("mime_type").asText().equals("video/mp4")) {
                continue;
            }
            List<String> soundCodecs = soundCodecs(read(asset));
            if (soundCodecs.isEmpty()) {
                defects.add(new Defect(run.briefName, DefectKind.AUDIO_CODEC, asset.label(), asset.relativePath(),
                        "the MP4 has no sound track (the voice-over is not muxed in)"));
            }
            for (String codec : soundCodecs) {
                if (!PLAYABLE.contains(codec)) {
                    defects.add(new Defect(run.briefName, DefectKind.AUDIO_CODEC, asset.label(), asset.relativePath(),
                            "the sound track's sample entry is '" + codec + "', which browsers do not play in MP4; "
                                    + "use AAC ('mp4a') or Opus"));
                }
            }
        }
        return defects;
    }

    private static byte[] read(DemoRun.Asset asset) {
        try {
            return Files.readAllBytes(asset.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample entry type of each track whose handler is {@code soun}. */
    static List<String> soundCodecs(byte[] mp4) {
        List<String> codecs = new ArrayList<>();
        walk(ByteBuffer.wrap(mp4), 0, mp4.length, new String[1], codecs);
        return codecs;
    }

    private static void walk(ByteBuffer bytes, int from, int to, String[] handler, List<String> codecs) {
        int at = from;
        while (at + 8 <= to) {
            long size = Integer.toUnsignedLong(bytes.getInt(at));
            String type = fourCc(bytes, at + 4);
            int header = 8;
            if (size == 1 && at + 16 <= to) {
                size = bytes.getLong(at + 8);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || at + size > to) {
                return;
            }
            int body = at + header;
            int end = (int) (at + size);
            if (type.equals("trak")) {
                handler[0] = null;
            }
            if (CONTAINERS.contains(type)) {
                walk(bytes, body, end, handler, codecs);
            } else if (type.equals("hdlr") && body + 12 <= end) {
                handler[0] = fourCc(bytes, body + 8);
            } else if (type.equals("stsd") && "soun".equals(handler[0]) && body + 16 <= end) {
                int entries = bytes.getInt(body + 4);
                int entry = body + 8;
                for (int i = 0; i < entries && entry + 8 <= end; i++) {
                    codecs.add(fourCc(bytes, entry + 4));
                    entry += bytes.getInt(entry);
                }
            }
            at = end;
        }
    }

    private static String fourCc(ByteBuffer bytes, int at) {
        byte[] code = new byte[4];
        bytes.get(at, code);
        return new String(code, StandardCharsets.ISO_8859_1);
    }
}
