package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.usage.UsageAmounts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON documents stored for the records made of named parts: a full stored document reads into the record and
 * writes back to exactly the same flat document, so items written before keep reading and new items keep their shape.
 * The API shows the records in the same flat form (core's {@code Json} dialect), pinned here against the same documents.
 */
class StoredDocumentsTest {
    private static final String ASSET = """
            {"asset_library_id":"lib-1","campaign_id":"camp-1","asset_id":"node-1","run_id":"run-1",\
            "proposal_version":3,"asset_type":"image","channel":"instagram","placement":"instagram/feed_portrait",\
            "prompt":"a prompt","provider":"openai","model":"gpt-image-1","status":"ready",\
            "reserved":{"counts":{"audio":0,"video":0,"image":1,"text":0,"image_edit":0},"usd":0.04},\
            "provider_handle":"handle-7","attempts":2,"cost_usd":0.0400,"cost_source":"provider",\
            "generation_ms":1234,"storage_key":"users/u/assets/lib-1.png","mime_type":"image/png","bytes":2048,\
            "sha256":"abc123","width":1080,"height":1350,"duration_seconds":12.5,"text_content":"some text",\
            "error":"an error","details":{"seed":42},"created_at":"2026-11-25T08:00:00Z",\
            "updated_at":"2026-11-25T09:30:00.123Z"}""";
    private static final String QUEUED_ASSET = """
            {"asset_library_id":"lib-2","campaign_id":"camp-1","asset_id":"node-1","proposal_version":1,\
            "asset_type":"text","prompt":"p","provider":"offline","model":"m","status":"queued",\
            "reserved":{"counts":{"audio":0,"video":0,"image":0,"text":0,"image_edit":0},"usd":0},"attempts":0,\
            "details":{},"created_at":"2026-11-25T08:00:00Z","updated_at":"2026-11-25T08:00:00Z"}""";
    private static final String PROPOSAL = """
            {"asset_id":"node-1","campaign_id":"camp-1","version":4,"asset_type":"image","channel":"instagram",\
            "placement":"instagram/feed_portrait","phase":"launch","hook":"hook","angle":"angle",\
            "concept_summary":"summary","proposed_prompt":"prompt","recommended_template":"template-a",\
            "recommended_provider":"openai","recommended_model":"gpt-image-1","tier":"premium",\
            "cost_estimate":0.08,"status":"approved","reason":"looks good","settings":{"style":"bold"},\
            "provenance":{"prompt":"catalogue"},"change":"approve","created_at":"2026-11-25T08:00:00Z"}""";
    private static final String CAMPAIGN = """
            {"campaign_id":"camp-1","campaign_name":"Spring launch","goal":"product_launch","kpi":"signups",\
            "channels":["instagram","tiktok"],"phases":[{"name":"launch","duration_days":7,\
            "purpose":"make noise","start_date":"2026-12-01","end_date":"2026-12-07"}],\
            "asset_nodes":[{"asset_id":"node-1","asset_type":"image","channel":"instagram","phase":"launch",\
            "placement":"instagram/feed_portrait","title":"Hero","status":"ready","due_date":"2026-12-02",\
            "depends_on":["node-0"]}],"product_context":{"name":"Widget"},"ab_variants":2,"status":"active",\
            "start_date":"2026-12-01","launch_date":"2026-12-05","created_at":"2026-11-25T08:00:00Z",\
            "updated_at":"2026-11-25T09:30:00.123Z","version":5,"changes":[{"at":"2026-11-25T09:30:00.123Z",\
            "by":"user-1","fields":["kpi"],"summary":"changed kpi"}]}""";

    @Test
    void anAssetDocumentReadsIntoItsPartsAndWritesBackTheSame() throws Exception {
        AssetRecord asset = Json.mapper().readValue(ASSET, AssetDocument.class).toRecord();

        assertThat(asset.lineage()).isEqualTo(new AssetRecord.Lineage("camp-1", "node-1", "run-1", 3,
                AssetType.IMAGE, Channel.INSTAGRAM,
                "instagram/feed_portrait", "a prompt", "openai", "gpt-image-1"));
        assertThat(asset.reservation().providerHandle()).isEqualTo("handle-7");
        assertThat(asset.reservation().attempts()).isEqualTo(2);
        assertThat(asset.output().sha256()).isEqualTo("abc123");
        assertThat(asset.output().costUsd()).isEqualByComparingTo("0.04");
        assertStoredAs(AssetDocument.of(asset), ASSET);
    }

    @Test
    void aQueuedAssetDocumentKeepsItsAbsentFieldsAbsent() throws Exception {
        AssetRecord asset = Json.mapper().readValue(QUEUED_ASSET, AssetDocument.class).toRecord();

        assertThat(asset.output()).isEqualTo(AssetRecord.Output.NONE);
        assertThat(asset.runId()).isNull();
        assertStoredAs(AssetDocument.of(asset), QUEUED_ASSET);
    }

    @Test
    void aProposalDocumentReadsIntoItsPartsAndWritesBackTheSame() throws Exception {
        Proposal proposal = Json.mapper().readValue(PROPOSAL, ProposalDocument.class).toProposal();

        assertThat(proposal.slot().phase()).isEqualTo("launch");
        assertThat(proposal.concept().proposedPrompt()).isEqualTo("prompt");
        assertThat(proposal.recommendation()).isEqualTo(new Proposal.Recommendation("template-a", "openai",
                "gpt-image-1", QualityTier.PREMIUM, new BigDecimal("0.08")));
        assertStoredAs(ProposalDocument.of(proposal), PROPOSAL);
    }

    @Test
    void aCampaignDocumentReadsIntoItsPartsWithTheItemsOwnerAndWritesBackTheSame() throws Exception {
        Campaign campaign = Json.mapper().readValue(CAMPAIGN, CampaignDocument.class).toCampaign("user-1");

        assertThat(campaign.userId()).isEqualTo("user-1");
        assertThat(campaign.brief().kpi()).isEqualTo("signups");
        assertThat(campaign.plan().assetNodes()).hasSize(1);
        assertThat(campaign.schedule().launchDate()).hasToString("2026-12-05");
        assertThat(campaign.revision().version()).isEqualTo(5);
        assertStoredAs(CampaignDocument.of(campaign), CAMPAIGN);
    }

    @Test
    void aCampaignReadBackForPrimingIsTheCampaignItsStoredDocumentHolds() throws Exception {
        Campaign campaign = Json.mapper().readValue(CAMPAIGN, CampaignDocument.class).toCampaign("user-1");

        assertThat(DocumentReadBack.campaign(campaign)).isEqualTo(campaign);
    }

    @Test
    void theApiShowsTheSameFieldsAsTheStoredDocuments() throws Exception {
        AssetRecord asset = Json.mapper().readValue(ASSET, AssetDocument.class).toRecord();
        AssetRecord queued = AssetRecord.queued("lib-2", new AssetRecord.Lineage("camp-1", "node-1", null, 1,
                AssetType.TEXT, null, null, "p", "offline", "m"), UsageAmounts.none(), Map.of(), asset.createdAt());
        Proposal proposal = Json.mapper().readValue(PROPOSAL, ProposalDocument.class).toProposal();
        Campaign campaign = Json.mapper().readValue(CAMPAIGN, CampaignDocument.class).toCampaign("user-1");

        assertStoredAs(asset, ASSET);
        assertStoredAs(queued, QUEUED_ASSET);
        assertStoredAs(proposal, PROPOSAL);
        assertStoredAs(campaign, CAMPAIGN);
    }

    /** Same fields in the same order at the top level, same values (maps inside records have no fixed order). */
    private static void assertStoredAs(Object document, String expected) throws Exception {
        JsonNode written = Json.mapper().readTree(Json.mapper().writeValueAsString(document));
        JsonNode wanted = Json.mapper().readTree(expected);
        assertThat(fieldNames(written)).isEqualTo(fieldNames(wanted));
        assertThat(written).isEqualTo(wanted);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
