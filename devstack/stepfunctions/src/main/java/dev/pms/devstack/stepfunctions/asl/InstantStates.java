package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.CompletableFuture;

/** The states that end as soon as they are entered: Pass, Choice, Succeed and Fail. */
final class InstantStates {
    private final BranchHistory history;

    InstantStates(BranchHistory history) {
        this.history = history;
    }

    static boolean handles(String type) {
        return switch (type) {
            case "Pass", "Choice", "Succeed", "Fail" -> true;
            default -> false;
        };
    }

    CompletableFuture<StateTransition> execute(ExecutionBranch branch, String stateKey, String name, String type,
                                               JsonNode state, JsonNode input, QueryLanguage language,
                                               ContextObject stateContext) {
        switch (type) {
            case "Pass":
                return history.exited(branch, stateKey, name, type, StateTransition.nextOf(state),
                        language.pass(state, input, stateContext));
            case "Choice": {
                QueryLanguage.Choice choice = language.choose(state, input, stateContext);
                return history.exited(branch, stateKey, name, type, choice.next(), choice.outcome());
            }
            case "Succeed":
                return history.exited(branch, stateKey, name, type, null, language.passThrough(state, input,
                        language.effectiveInput(state, input, stateContext), stateContext));
            case "Fail":
                throw new AslError(language.failField(state, "Error", input, stateContext),
                        language.failField(state, "Cause", input, stateContext));
            default:
                throw new IllegalStateException(type);
        }
    }
}
