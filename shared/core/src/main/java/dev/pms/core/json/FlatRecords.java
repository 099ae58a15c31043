package dev.pms.core.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.proposal.Proposal;

/**
 * How the records built of named parts are written: flat, each part's fields in its place, which is the shape the API
 * contract shows. The records themselves stay free of JSON annotations; stored documents have their own mappers.
 */
final class FlatRecords {
    private FlatRecords() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("flat-records");
        module.setMixInAnnotation(AssetRecord.class, AssetRecordForm.class);
        module.setMixInAnnotation(Campaign.class, CampaignForm.class);
        module.setMixInAnnotation(Proposal.class, ProposalForm.class);
        return module;
    }

    private abstract static class AssetRecordForm {
        @JsonUnwrapped
        abstract AssetRecord.Lineage lineage();

        @JsonUnwrapped
        abstract AssetRecord.Reservation reservation();

        @JsonUnwrapped
        abstract AssetRecord.Output output();

        @JsonIgnore
        abstract boolean isOpen();
    }

    private abstract static class CampaignForm {
        @JsonIgnore
        abstract String userId();

        @JsonUnwrapped
        abstract Campaign.Brief brief();

        @JsonUnwrapped
        abstract Campaign.Plan plan();

        @JsonUnwrapped
        abstract Campaign.Schedule schedule();

        @JsonUnwrapped
        abstract Campaign.Revision revision();
    }

    private abstract static class ProposalForm {
        @JsonUnwrapped
        abstract Proposal.Slot slot();

        @JsonUnwrapped
        abstract Proposal.Concept concept();

        @JsonUnwrapped
        abstract Proposal.Recommendation recommendation();
    }
}
