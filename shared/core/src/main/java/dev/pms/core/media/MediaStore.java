package dev.pms.core.media;

import java.time.Duration;
import java.util.Optional;

/** Storage port for media bytes (S3 in AWS): presigned uploads straight from the client, bounded reads. */
public interface MediaStore {

    /** A URL the client PUTs exactly {@code bytes} bytes of {@code mimeType} to, valid for {@code ttl}. */
    PresignedUpload presignUpload(String key, String mimeType, long bytes, Duration ttl);

    /**
     * The object's bytes; empty when there is no such object.
     *
     * @throws MediaTooLargeException when the object is larger than {@code maxBytes} (nothing is read)
     */
    Optional<byte[]> read(String key, long maxBytes);

    /** Whether an object is stored under {@code key}; stores that can ask without reading it override this. */
    default boolean exists(String key) {
        try {
            return read(key, Long.MAX_VALUE).isPresent();
        } catch (MediaTooLargeException tooLarge) {
            return true;
        }
    }

    /** Stores the bytes under {@code key} (overwriting). */
    void put(String key, byte[] bytes, String mimeType);

    /** Removes the object; nothing happens when there is none. */
    void delete(String key);

    /** A URL that GETs the object, valid for {@code ttl}. */
    PresignedDownload presignDownload(String key, Duration ttl);
}
