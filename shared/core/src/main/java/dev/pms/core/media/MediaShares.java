package dev.pms.core.media;

import java.time.Duration;
import java.util.Optional;

/**
 * Lasting links to stored files, for what leaves the suite (the schedule exports): {@code <share base>/<token>} on
 * the share route, which answers each visit with a fresh short-lived presigned URL for as long as the file exists.
 * Presigned URLs alone would expire long before a scheduled post goes out.
 */
public final class MediaShares {
    static final Duration VISIT_TTL = Duration.ofMinutes(15);

    private final MediaShareTokens tokens;
    private final MediaStore media;

    public MediaShares(MediaShareTokens tokens, MediaStore media) {
        this.tokens = tokens;
        this.media = media;
    }

    /** @param shareBaseUrl the share route's absolute URL without the token, e.g. {@code https://api.example/media} */
    public String link(String shareBaseUrl, String storageKey) {
        String base = shareBaseUrl.endsWith("/") ? shareBaseUrl : shareBaseUrl + "/";
        return base + tokens.tokenFor(storageKey);
    }

    /** A short-lived URL of the file the token names; empty for a token this suite did not sign or a file that is gone. */
    public Optional<PresignedDownload> open(String token) {
        return tokens.storageKeyOf(token).filter(media::exists).map(key -> media.presignDownload(key, VISIT_TTL));
    }
}
