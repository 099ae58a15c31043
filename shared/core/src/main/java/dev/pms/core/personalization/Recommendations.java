package dev.pms.core.personalization;

import java.util.List;

/**
 * What to make next: studio template ids, channels and asset types, best first, and one sentence naming the evidence
 * behind them.
 *
 * @param learned whether any of it rests on the user's own events (else it follows the Brand DNA)
 */
public record Recommendations(List<String> templates, List<String> channels, List<String> assetTypes, String reasoning,
                              boolean learned) {
    public Recommendations {
        templates = List.copyOf(templates);
        channels = List.copyOf(channels);
        assetTypes = List.copyOf(assetTypes);
    }
}
