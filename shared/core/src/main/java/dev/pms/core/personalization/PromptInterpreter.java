package dev.pms.core.personalization;

import java.util.Optional;

/**
 * A text model's reading of a short studio request, as an {@link Interpretation} whose stated fields each name the
 * words they were read from. Empty when no model is configured or the model could not answer in time or in shape;
 * the caller then reads the request with the {@link OfflinePromptParser}. What it returns is checked by the caller
 * before any of it is used.
 */
@FunctionalInterface
public interface PromptInterpreter {
    /** No text model configured (offline mode). */
    PromptInterpreter NONE = (userInput, assetType) -> Optional.empty();

    /** @param assetType image, video, animation or avatar as the caller chose it, null to have it read */
    Optional<Interpretation> interpret(String userInput, String assetType);
}
