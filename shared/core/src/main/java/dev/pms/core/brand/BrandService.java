package dev.pms.core.brand;

import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.NotFoundException;

import java.time.Clock;
import java.util.Objects;

/** Application service behind the brand profile and Brand DNA routes. */
public final class BrandService {
    private final BrandProfileRepository profiles;
    private final BrandDnaDeriver deriver;
    private final Clock clock;

    public BrandService(BrandProfileRepository profiles, ChannelCatalog catalog, Clock clock) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.deriver = new BrandDnaDeriver(Objects.requireNonNull(catalog, "catalog"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores the caller's profile: last writer wins, unless the command expects a version (then it must be the
     * stored version, 0 for a first save).
     *
     * @throws dev.pms.core.error.VersionConflictException when the expected version is stale
     */
    public StoredBrandProfile putProfile(String userId, PutBrandProfile command) {
        requireUser(userId);
        StoredBrandProfile stored = profiles.save(userId, command.profile(), command.expectedVersion());
        return stored.updatedAt() != null ? stored : new StoredBrandProfile(stored.profile(), clock.instant(), stored.version());
    }

    /** @throws NotFoundException when the caller has not stored a profile */
    public StoredBrandProfile getProfile(String userId) {
        requireUser(userId);
        return profiles.find(userId).orElseThrow(() -> new NotFoundException("no brand profile stored yet"));
    }

    /** Serialises to exactly the body of {@code GET /brand-dna}: a {@link BrandDna.Body}, defaults when no profile. */
    public Object brandDna(String userId) {
        requireUser(userId);
        return new BrandDna.Body(deriver.derive(profiles.find(userId)));
    }

    /**
     * Serialises to exactly the body of {@code GET /brand-dna/channel/{channel}}: a {@link BrandDna.ChannelBody}.
     *
     * @throws NotFoundException for a channel the catalogue does not know ({@code x} is twitter)
     */
    public Object channelBrandDna(String userId, String channel) {
        requireUser(userId);
        Channel resolved = Channel.parse(channel).orElseThrow(() -> new NotFoundException("unknown channel '"
                + (channel == null || channel.length() > 40 ? "" : channel) + "'"));
        BrandDna dna = deriver.derive(profiles.find(userId));
        return new BrandDna.ChannelBody(resolved.code(), deriver.forChannel(dna, resolved));
    }

    private static void requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("the caller's user id is required");
        }
    }
}
