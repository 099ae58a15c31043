package dev.pms.providers.offline;

import org.jcodec.common.io.SeekableByteChannel;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable in-memory file for jcodec's muxer (which seeks back to patch box sizes) and demuxer. */
final class InMemoryChannel implements SeekableByteChannel {
    private byte[] data;
    private int size;
    private int position;
    private boolean open = true;

    InMemoryChannel() {
        this.data = new byte[1 << 16];
    }

    InMemoryChannel(byte[] contents) {
        this.data = contents.clone();
        this.size = contents.length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    @Override
    public int read(ByteBuffer dst) {
        if (position >= size) {
            return -1;
        }
        int count = Math.min(dst.remaining(), size - position);
        dst.put(data, position, count);
        position += count;
        return count;
    }

    @Override
    public int write(ByteBuffer src) {
        int count = src.remaining();
        int end = position + count;
        if (end > data.length) {
            data = Arrays.copyOf(data, Math.max(end, data.length * 2));
        }
        src.get(data, position, count);
        position = end;
        size = Math.max(size, end);
        return count;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel setPosition(long newPosition) {
        position = Math.toIntExact(newPosition);
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        size = Math.min(size, Math.toIntExact(newSize));
        position = Math.min(position, size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
