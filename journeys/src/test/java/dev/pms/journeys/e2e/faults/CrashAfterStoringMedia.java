package dev.pms.journeys.e2e.faults;

import dev.pms.core.media.MediaStore;
import dev.pms.core.media.PresignedDownload;
import dev.pms.core.media.PresignedUpload;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's worst moment: after a share of media writes it throws as if the worker died with the object in
 * storage and nothing recorded yet.
 */
public final class CrashAfterStoringMedia implements MediaStore {
    private static final AtomicInteger INJECTED = new AtomicInteger();

    private final MediaStore delegate;
    private final double rate;
    private final SplittableRandom draws;

    CrashAfterStoringMedia(MediaStore delegate, double rate, long seed) {
        this.delegate = delegate;
        this.rate = rate;
        this.draws = new SplittableRandom(seed);
    }

    @Override
    public void put(String key, byte[] bytes, String mimeType) {
        delegate.put(key, bytes, mimeType);
        double draw;
        synchronized (draws) {
            draw = draws.nextDouble();
        }
        if (draw < rate) {
            INJECTED.incrementAndGet();
            throw new IllegalStateException("injected worker crash after storing " + key);
        }
    }

    /** Crashes injected so far in this JVM: a fault test checks that its faults really happened. */
    public static int injectedCrashes() {
        return INJECTED.get();
    }

    @Override
    public PresignedUpload presignUpload(String key, String mimeType, long bytes, Duration ttl) {
        return delegate.presignUpload(key, mimeType, bytes, ttl);
    }

    @Override
    public Optional<byte[]> read(String key, long maxBytes) {
        return delegate.read(key, maxBytes);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public PresignedDownload presignDownload(String key, Duration ttl) {
        return delegate.presignDownload(key, ttl);
    }
}
