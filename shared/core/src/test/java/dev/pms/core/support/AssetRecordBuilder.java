package dev.pms.core.support;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.usage.UsageAmounts;

import java.time.Instant;
import java.util.Map;

/** Test asset records: a queued image with nothing reserved or made unless told otherwise. */
public final class AssetRecordBuilder {
    private final String assetLibraryId;
    private String campaignId = "c";
    private String assetId = "node";
    private String runId;
    private long proposalVersion;
    private AssetType assetType = AssetType.IMAGE;
    private Channel channel;
    private String placement;
    private String prompt = "p";
    private String provider = "offline";
    private String model = "m";
    private AssetStatus status = AssetStatus.QUEUED;
    private UsageAmounts reserved = UsageAmounts.none();
    private AssetRecord.Output output = AssetRecord.Output.NONE;
    private Map<String, Object> details = Map.of();
    private Instant createdAt = Fixtures.NOW;

    private AssetRecordBuilder(String assetLibraryId) {
        this.assetLibraryId = assetLibraryId;
    }

    public static AssetRecordBuilder asset(String assetLibraryId) {
        return new AssetRecordBuilder(assetLibraryId);
    }

    public AssetRecordBuilder node(String campaign, String node) {
        this.campaignId = campaign;
        this.assetId = node;
        return this;
    }

    public AssetRecordBuilder run(String run, long version) {
        this.runId = run;
        this.proposalVersion = version;
        return this;
    }

    public AssetRecordBuilder kind(AssetType type, Channel assetChannel, String assetPlacement) {
        this.assetType = type;
        this.channel = assetChannel;
        this.placement = assetPlacement;
        return this;
    }

    public AssetRecordBuilder madeBy(String assetPrompt, String assetProvider, String assetModel) {
        this.prompt = assetPrompt;
        this.provider = assetProvider;
        this.model = assetModel;
        return this;
    }

    public AssetRecordBuilder status(AssetStatus assetStatus) {
        this.status = assetStatus;
        return this;
    }

    public AssetRecordBuilder reserved(UsageAmounts amounts) {
        this.reserved = amounts;
        return this;
    }

    public AssetRecordBuilder output(AssetRecord.Output made) {
        this.output = made;
        return this;
    }

    public AssetRecordBuilder details(Map<String, Object> assetDetails) {
        this.details = assetDetails;
        return this;
    }

    public AssetRecordBuilder at(Instant created) {
        this.createdAt = created;
        return this;
    }

    public AssetRecord build() {
        AssetRecord.Lineage lineage = new AssetRecord.Lineage(campaignId, assetId, runId, proposalVersion, assetType,
                channel, placement, prompt, provider, model);
        return new AssetRecord(assetLibraryId, lineage, status, AssetRecord.Reservation.of(reserved), output, null,
                details, createdAt, createdAt);
    }
}
