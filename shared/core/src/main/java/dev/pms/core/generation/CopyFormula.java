package dev.pms.core.generation;

import dev.pms.core.campaign.Goal;

import java.util.List;
import java.util.Map;

/**
 * The persuasion formula a piece of copy follows inside its channel's structure (hook, body, proof, call to action):
 * AIDA (attention, interest, desire, action), PAS (problem, agitate, solve) or FAB (feature, advantage, benefit).
 */
public enum CopyFormula {
    AIDA, PAS, FAB;

    /** The formula of each phase, in the phase order of each goal: attention first, objections later, value when customers already know the product. */
    private static final Map<Goal, List<CopyFormula>> BY_GOAL = Map.of(
            Goal.PRODUCT_LAUNCH, List.of(AIDA, FAB, PAS),
            Goal.AWARENESS, List.of(AIDA, PAS, FAB),
            Goal.CONVERSION, List.of(FAB, AIDA, PAS),
            Goal.RETENTION, List.of(FAB, AIDA, PAS));

    /** The formula for the phase at {@code phaseIndex} of a campaign with {@code goal}; AIDA when either is unknown. */
    public static CopyFormula forPhase(Goal goal, int phaseIndex) {
        List<CopyFormula> formulas = goal == null ? null : BY_GOAL.get(goal);
        if (formulas == null || phaseIndex < 0) {
            return AIDA;
        }
        return formulas.get(Math.min(phaseIndex, formulas.size() - 1));
    }
}
