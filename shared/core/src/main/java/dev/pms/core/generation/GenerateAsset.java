package dev.pms.core.generation;

import java.util.Objects;

/**
 * The proposal the client clicked Generate on, with the prompt and provider/model it showed.
 *
 * @param proposedPrompt the prompt as the client shows it; null when it sent none
 * @param requestedModel {@code provider/model} the client showed; null when it named none
 */
public record GenerateAsset(String campaignId, String assetId, String proposedPrompt, String requestedModel) {

    public GenerateAsset {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(assetId, "assetId");
    }
}
