package dev.pms.core.media;

import java.util.List;

/** Storage port for upload records, scoped to one tenant. */
public interface UploadRepository {

    void save(String userId, UploadRecord upload);

    /** Every upload made for a node of the campaign, oldest first. */
    List<UploadRecord> forCampaign(String userId, String campaignId);
}
