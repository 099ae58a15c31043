package dev.pms.providers.offline;

import dev.pms.core.generation.GenerationRequest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/** The seed of every offline random choice: the asset id (else the job id) and the prompt, so a request always yields the same bytes. */
final class OfflineSeed {

    private OfflineSeed() {
    }

    static long of(GenerationRequest request) {
        String identity = request.assetId() != null ? request.assetId() : Objects.toString(request.jobId(), "");
        return hash(identity + "\n" + Objects.toString(request.prompt(), ""));
    }

    static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
