package dev.pms.providers.offline;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Mp4TimestampsTest {

    @Test
    void zeroesTheTimesOfMovieTrackAndMediaHeadersAndNothingElse() {
        byte[] mvhd = box("mvhd", header(0, 0x11111111, 0x22222222, 1000));
        byte[] mdhd = box("mdhd", header(0, 0x33333333, 0x44444444, 16000));
        byte[] tkhd = box("tkhd", header(0, 0x55555555, 0x66666666, 7));
        byte[] free = box("free", header(0, 0x77777777, 0x77777777, 9));
        byte[] movie = concat(box("ftyp", new byte[] {1, 2, 3, 4}),
                box("moov", concat(mvhd, box("trak", concat(tkhd, box("mdia", mdhd))))), free);

        ByteBuffer cleared = ByteBuffer.wrap(Mp4Timestamps.cleared(movie));

        for (String header : new String[] {"mvhd", "tkhd", "mdhd"}) {
            int times = bodyOf(movie, header) + 4;
            assertThat(cleared.getInt(times)).as("%s created", header).isZero();
            assertThat(cleared.getInt(times + 4)).as("%s modified", header).isZero();
        }
        assertThat(cleared.getInt(bodyOf(movie, "mvhd") + 12)).as("timescale kept").isEqualTo(1000);
        assertThat(cleared.getInt(bodyOf(movie, "mdhd") + 12)).as("timescale kept").isEqualTo(16000);
        assertThat(cleared.getInt(bodyOf(movie, "free") + 4)).as("other boxes untouched").isEqualTo(0x77777777);
    }

    private static int bodyOf(byte[] movie, String type) {
        String text = new String(movie, StandardCharsets.ISO_8859_1);
        return text.indexOf(type) + 4;
    }

    private static byte[] header(int version, int created, int modified, int last) {
        return ByteBuffer.allocate(16).put((byte) version).put(new byte[3]).putInt(created).putInt(modified).putInt(last).array();
    }

    private static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(type.getBytes(StandardCharsets.US_ASCII))
                .put(body).array();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
