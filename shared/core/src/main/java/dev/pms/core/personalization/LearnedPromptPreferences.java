package dev.pms.core.personalization;

/** What proposals read of a user's learned preferences. Never fails: without them a proposal is built as before. */
@FunctionalInterface
public interface LearnedPromptPreferences {
    LearnedPromptPreferences NONE = userId -> PromptPersonalization.NONE;

    PromptPersonalization forUser(String userId);
}
