package dev.pms.providers.offline;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** One ISO base media file format box being written: fields are appended big-endian, {@link #bytes()} frames them. */
final class Mp4Box {
    private final String type;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private Mp4Box(String type) {
        if (type.length() != 4) {
            throw new IllegalArgumentException("a box type has four characters: " + type);
        }
        this.type = type;
    }

    static Mp4Box plain(String type) {
        return new Mp4Box(type);
    }

    /** A box that starts with a version byte and 24 bits of flags. */
    static Mp4Box full(String type, int version, int flags) {
        return new Mp4Box(type).u8(version).u24(flags);
    }

    Mp4Box u8(int value) {
        body.write(value);
        return this;
    }

    Mp4Box u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    Mp4Box u24(int value) {
        return u8(value >>> 16).u16(value);
    }

    Mp4Box u32(long value) {
        return u16((int) (value >>> 16)).u16((int) value);
    }

    Mp4Box u64(long value) {
        return u32(value >>> 32).u32(value);
    }

    Mp4Box fourCc(String code) {
        return bytes(code.getBytes(StandardCharsets.US_ASCII));
    }

    Mp4Box zeros(int count) {
        return bytes(new byte[count]);
    }

    Mp4Box bytes(byte[] data) {
        body.writeBytes(data);
        return this;
    }

    Mp4Box child(Mp4Box box) {
        return bytes(box.bytes());
    }

    /** The fields appended so far, without the box's size and type (a descriptor's body, say). */
    byte[] payload() {
        return body.toByteArray();
    }

    byte[] bytes() {
        byte[] payload = body.toByteArray();
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(payload).array();
    }
}
