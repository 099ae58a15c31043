package dev.pms.core.brand;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.ChannelCatalog;

import java.time.Clock;

/** Application service behind the brand profile and Brand DNA routes. */
public final class BrandService {
    public BrandService(BrandProfileRepository profiles, ChannelCatalog catalog, Clock clock) {
    }

    public StoredBrandProfile putProfile(String userId, JsonNode body) {
        throw new UnsupportedOperationException("being written on the core branch");
    }

    public StoredBrandProfile getProfile(String userId) {
        throw new UnsupportedOperationException("being written on the core branch");
    }

    /** Serialises to exactly the body of {@code GET /brand-dna}. */
    public Object brandDna(String userId) {
        throw new UnsupportedOperationException("being written on the core branch");
    }

    /** Serialises to exactly the body of {@code GET /brand-dna/channel/{channel}}. */
    public Object channelBrandDna(String userId, String channel) {
        throw new UnsupportedOperationException("being written on the core branch");
    }
}
