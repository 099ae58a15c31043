package dev.pms.core.generation;

import dev.pms.core.pricing.QualityTier;

/**
 * A request to start a campaign's generation run.
 *
 * @param autopilot approve every pending proposal without waiting for the user
 * @param tier      the quality tier to quote and propose at; null for the campaign's default
 */
public record StartGeneration(boolean autopilot, QualityTier tier) {

    /** What an empty request asks for: wait for approval, default tier. */
    public static StartGeneration defaults() {
        return new StartGeneration(false, null);
    }
}
