package dev.pms.core.generation;

/**
 * A provider job as the queue carries it: which asset record to make, the workflow's task token to answer (null
 * for single-asset generation) and, for a long job, a poll of the provider's handle instead of a new submission.
 */
public record JobMessage(String userId, String assetLibraryId, String taskToken, boolean poll) {

    public JobMessage asPoll() {
        return new JobMessage(userId, assetLibraryId, taskToken, true);
    }
}
