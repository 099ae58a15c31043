package dev.pms.core.personalization;

import dev.pms.core.error.FieldError;
import dev.pms.core.error.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /intelligent-prompt}: a short request in the user's words and, optionally, the asset type to make.
 *
 * @param assetType image, video, animation or avatar; null to read it from the words
 */
public record IntelligentPromptRequest(String userInput, String assetType) {
    public static final int MAX_INPUT_CHARS = 500;

    /** @throws ValidationException naming every problem: no words, too many, an asset type the studio does not make */
    public IntelligentPromptRequest {
        List<FieldError> problems = new ArrayList<>();
        if (userInput == null || userInput.isBlank()) {
            problems.add(new FieldError("user_input", "is required: describe the product and what to make, e.g. "
                    + "\"iPhone case for my store\""));
        } else if (userInput.strip().length() > MAX_INPUT_CHARS) {
            problems.add(new FieldError("user_input", "must be at most " + MAX_INPUT_CHARS + " characters"));
        }
        String type = assetType == null || assetType.isBlank() ? null : assetType.strip().toLowerCase(Locale.ROOT);
        if (type != null && !StudioChoices.ASSET_TYPES.contains(type)) {
            problems.add(new FieldError("asset_type", "must be one of " + String.join(", ", StudioChoices.ASSET_TYPES)));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(ValidationException.sentence("intelligent prompt request", problems), problems);
        }
        userInput = userInput.strip();
        assetType = type;
    }
}
