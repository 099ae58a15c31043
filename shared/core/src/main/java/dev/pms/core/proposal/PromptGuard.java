package dev.pms.core.proposal;

import dev.pms.core.prompt.ForbiddenPhrases;
import dev.pms.core.validation.FieldProblems;

import java.util.List;
import java.util.stream.Collectors;

/** The rules every prompt text a user writes passes: not blank, not too long, none of the brand's forbidden phrases. */
final class PromptGuard {
    private PromptGuard() {
    }

    /** Reports the brand's forbidden phrases in the prompt and slot settings of a change, all at once. */
    static void checkChange(ProposalChange change, ForbiddenPhrases forbidden) {
        FieldProblems check = new FieldProblems();
        if (change.proposedPrompt() != null) {
            rejectForbidden(check, forbidden, "proposed_prompt", change.proposedPrompt());
        }
        change.overrides().forEach((slot, value) -> rejectForbidden(check, forbidden, "settings." + slot.code(), value));
        check.throwIfProblems("proposal change");
    }

    /** A prompt the user edited outside a PATCH (one-click generate): the same rules as a change. */
    static void checkEditedPrompt(String prompt, ForbiddenPhrases forbidden) {
        FieldProblems check = new FieldProblems();
        if (prompt.isBlank()) {
            check.add("proposed_prompt", "must not be blank");
        } else if (prompt.length() > ProposalChange.MAX_PROMPT_CHARS) {
            check.add("proposed_prompt", "must be at most " + ProposalChange.MAX_PROMPT_CHARS + " characters (got "
                    + prompt.length() + ")");
        }
        rejectForbidden(check, forbidden, "proposed_prompt", prompt);
        check.throwIfProblems("edited prompt");
    }

    private static void rejectForbidden(FieldProblems check, ForbiddenPhrases forbidden, String path, String value) {
        List<String> found = forbidden.foundIn(value);
        if (!found.isEmpty()) {
            check.add(path, "contains the brand's forbidden phrase" + (found.size() == 1 ? " " : "s ")
                    + found.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ")));
        }
    }
}
