package dev.pms.core.generation;

/**
 * The answer to a run waiting for approval.
 *
 * @param approvePending first approve every pending proposal; false generates only those approved one by one
 */
public record ApproveGeneration(boolean approvePending) {

    /** What an empty request asks for: approve everything pending. */
    public static ApproveGeneration defaults() {
        return new ApproveGeneration(true);
    }
}
