package dev.pms.devstack.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The devstack's stand-in for the SSM SecureString that signs media share links: a random key kept beside the JWT
 * signing key, so links in exports keep working across restarts on the same data, as they do in AWS.
 */
public final class LocalMediaShareKey {
    static final String KEY_FILE_NAME = "media-share.key";
    private static final int KEY_BYTES = 48;

    private LocalMediaShareKey() {
    }

    public static String loadOrCreate(Path directory) {
        Path keyFile = directory.resolve(KEY_FILE_NAME);
        try {
            if (!Files.isRegularFile(keyFile)) {
                Files.createDirectories(directory);
                byte[] random = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(random);
                try {
                    Files.writeString(keyFile, Base64.getEncoder().encodeToString(random), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException raced) {
                    // another devstack on the same data created it first; use theirs
                }
            }
            return Files.readString(keyFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the devstack media share key " + keyFile, e);
        }
    }
}
