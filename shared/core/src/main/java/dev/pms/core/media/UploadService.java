package dev.pms.core.media;

import dev.pms.core.audit.AuditReport;
import dev.pms.core.audit.AuditTarget;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.channel.AssetType;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Uploads of existing assets for audit: the client gets a presigned PUT into the caller's own prefix,
 * sends the bytes straight to storage, then asks for the audit by asset id. The prefix is derived from
 * the caller, so another user's asset id simply does not exist for them.
 */
public final class UploadService {
    public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    static final Duration UPLOAD_URL_TTL = Duration.ofMinutes(15);
    /** The image types an upload may have. */
    public static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif");
    private static final Pattern ASSET_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final MediaStore media;
    private final UploadRepository uploads;
    private final CampaignRepository campaigns;
    private final ImageAuditService audits;
    private final Clock clock;
    private final Supplier<String> ids;

    public UploadService(MediaStore media, UploadRepository uploads, CampaignRepository campaigns,
                         ImageAuditService audits, Clock clock, Supplier<String> ids) {
        this.media = media;
        this.uploads = uploads;
        this.campaigns = campaigns;
        this.audits = audits;
        this.clock = clock;
        this.ids = ids;
    }

    /** The body of {@code POST /assets/uploads}: the new asset id and where to PUT it. */
    public record Upload(String assetId, String uploadUrl, Instant expiresAt,
                         Map<String, String> requiredHeaders, long maxBytes) {
    }

    /**
     * A presigned PUT for exactly the command's bytes of its type; with a campaign and one of its image nodes, the
     * upload is what the campaign audit checks there.
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws ValidationException when the node is not an image node of the campaign
     */
    public Upload create(String userId, CreateUpload command) {
        String campaignId = command.campaignId();
        String nodeId = command.nodeId();
        String filename = command.filename();
        String mimeType = command.mimeType();
        long bytes = command.bytes();
        if (campaignId != null) {
            Campaign campaign = campaigns.find(userId, campaignId)
                    .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " not found"));
            AssetNode node = campaign.assetNodes().stream().filter(n -> n.assetId().equals(nodeId)).findFirst()
                    .orElseThrow(() -> ValidationException.of("node_id", "is not a node of campaign " + campaignId));
            if (node.assetType() != AssetType.IMAGE) {
                throw ValidationException.of("node_id", "is a " + node.assetType().code() + " node; only image nodes take uploads");
            }
        }
        String assetId = ids.get();
        uploads.save(userId, new UploadRecord(assetId, filename, mimeType, bytes, campaignId, nodeId, clock.instant()));
        PresignedUpload presigned = media.presignUpload(keyOf(userId, assetId), mimeType, bytes, UPLOAD_URL_TTL);
        return new Upload(assetId, presigned.url(), presigned.expiresAt(), presigned.requiredHeaders(), bytes);
    }

    /** Whether {@code id} has the shape of the ids uploads are given. */
    public static boolean isUploadId(String id) {
        return id != null && ASSET_ID.matcher(id).matches();
    }

    /** Audits an uploaded asset against the target. */
    public AuditReport audit(String userId, String assetId, AuditTarget target) {
        if (!isUploadId(assetId)) {
            throw new NotFoundException("asset " + assetId + " not found");
        }
        byte[] image = media.read(keyOf(userId, assetId), MAX_UPLOAD_BYTES).orElseThrow(() -> new NotFoundException(
                "asset " + assetId + " not found (PUT the image to its upload_url first)"));
        return audits.auditStored(image, target);
    }

    /**
     * Audits the latest upload of every image node of the campaign against the node's placement, and lists
     * the image nodes that have none (or whose upload was never PUT).
     */
    public CampaignAudit auditCampaign(String userId, String campaignId) {
        Campaign campaign = campaigns.find(userId, campaignId)
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " not found"));
        Map<String, UploadRecord> latestByNode = new LinkedHashMap<>();
        uploads.forCampaign(userId, campaignId).forEach(upload -> latestByNode.put(upload.nodeId(), upload));
        List<CampaignAudit.AssetAudit> audited = new ArrayList<>();
        List<CampaignAudit.MissingAsset> missing = new ArrayList<>();
        for (AssetNode node : campaign.assetNodes()) {
            if (node.assetType() != AssetType.IMAGE) {
                continue;
            }
            UploadRecord upload = latestByNode.get(node.assetId());
            Optional<byte[]> image = upload == null ? Optional.empty()
                    : media.read(keyOf(userId, upload.assetId()), MAX_UPLOAD_BYTES);
            if (image.isEmpty()) {
                missing.add(new CampaignAudit.MissingAsset(node.assetId(), node.assetType(), node.channel(), node.placement()));
                continue;
            }
            audited.add(new CampaignAudit.AssetAudit(upload.assetId(), node.assetId(), node.channel(), node.placement(),
                    audits.auditAtPlacement(image.get(), node.placement())));
        }
        return new CampaignAudit(campaignId, audited, missing);
    }

    /** {@code uploads/<hash of the user>/<asset id>}: per-user, and safe whatever characters the subject has. */
    public static String keyOf(String userId, String assetId) {
        return "uploads/" + UserKeys.userHash(userId) + "/" + assetId;
    }
}
