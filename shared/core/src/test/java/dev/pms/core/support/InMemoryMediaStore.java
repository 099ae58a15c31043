package dev.pms.core.support;

import dev.pms.core.media.MediaStore;
import dev.pms.core.media.PresignedDownload;
import dev.pms.core.media.PresignedUpload;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Objects in a map; a presigned download is a fake URL naming the key and the TTL. */
public final class InMemoryMediaStore implements MediaStore {
    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private final Map<String, String> mimeTypes = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryMediaStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PresignedUpload presignUpload(String key, String mimeType, long bytes, Duration ttl) {
        throw new UnsupportedOperationException("packs are never uploaded by clients");
    }

    @Override
    public Optional<byte[]> read(String key, long maxBytes) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public void put(String key, byte[] bytes, String mimeType) {
        objects.put(key, bytes.clone());
        mimeTypes.put(key, mimeType);
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
        mimeTypes.remove(key);
    }

    @Override
    public PresignedDownload presignDownload(String key, Duration ttl) {
        return new PresignedDownload("https://media.test/" + key + "?ttl=" + ttl.toSeconds(),
                clock.instant().plus(ttl));
    }

    public Map<String, byte[]> objects() {
        return objects;
    }

    public String mimeTypeOf(String key) {
        return mimeTypes.get(key);
    }
}
