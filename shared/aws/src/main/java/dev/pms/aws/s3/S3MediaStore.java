package dev.pms.aws.s3;

import dev.pms.core.media.MediaStore;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.media.PresignedDownload;
import dev.pms.core.media.PresignedUpload;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Media in the private bucket; clients only ever get short-lived presigned URLs. */
@Singleton
public class S3MediaStore implements MediaStore {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3MediaStore(S3Client s3, S3Presigner presigner, @Value("${media.bucket}") String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public PresignedUpload presignUpload(String key, String mimeType, long bytes, Duration ttl) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request
                .signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(mimeType).contentLength(bytes)));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedUpload(presigned.url().toString(), presigned.expiration(), headers);
    }

    @Override
    public Optional<byte[]> read(String key, long maxBytes) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (head.contentLength() != null && head.contentLength() > maxBytes) {
            throw new MediaTooLargeException("the stored object has " + head.contentLength() + " bytes; at most "
                    + maxBytes + " are read");
        }
        return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)
                .ifMatch(head.eTag())).asByteArray());
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void put(String key, byte[] bytes, String mimeType) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(mimeType),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    @Override
    public PresignedDownload presignDownload(String key, Duration ttl) {
        var presigned = presigner.presignGetObject(request -> request.signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key)));
        return new PresignedDownload(presigned.url().toString(), presigned.expiration());
    }
}
