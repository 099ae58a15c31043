package dev.pms.core.generation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A provider job as the queue carries it: which asset record to make, the workflow's task token to answer (null
 * for single-asset generation) and, for a long job, a poll of the provider's handle instead of a new submission.
 * A campaign run's job also names the campaign (null otherwise), so the worker reads it beside the record.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobMessage(String userId, String assetLibraryId, String taskToken, boolean poll, String campaignId) {

    public JobMessage(String userId, String assetLibraryId, String taskToken, boolean poll) {
        this(userId, assetLibraryId, taskToken, poll, null);
    }

    public JobMessage asPoll() {
        return new JobMessage(userId, assetLibraryId, taskToken, true, campaignId);
    }
}
