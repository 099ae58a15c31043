package dev.pms.core.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.audit.AuditReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.channel.AssetType;
import dev.pms.core.json.Json;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.validation.InputChecker;

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
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif");
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
     * {@code {filename, mime_type, bytes, campaign_id?, node_id?}} → a presigned PUT for exactly those bytes of
     * that type; with a campaign and one of its image nodes, the upload is what the campaign audit checks there.
     */
    public Upload create(String userId, JsonNode body) {
        if (InputChecker.isAbsent(body) || !body.isObject()) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        InputChecker check = new InputChecker();
        String filename = check.displayName(body.get("filename"), "filename", 255, true);
        if (filename != null && (filename.contains("/") || filename.contains("\\") || filename.isBlank())) {
            check.add("filename", "must be a plain file name without folders");
        }
        String mimeType = check.string(body.get("mime_type"), "mime_type", 100, true);
        if (mimeType != null && !IMAGE_TYPES.contains(mimeType)) {
            check.add("mime_type", "must be one of " + String.join(", ", IMAGE_TYPES.stream().sorted().toList()));
        }
        JsonNode bytesNode = body.get("bytes");
        long bytes = 0;
        if (InputChecker.isAbsent(bytesNode)) {
            check.add("bytes", "is required");
        } else if (!bytesNode.canConvertToLong() || !bytesNode.isIntegralNumber()) {
            check.add("bytes", "must be a whole number");
        } else {
            bytes = bytesNode.asLong();
            if (bytes < 1 || bytes > MAX_UPLOAD_BYTES) {
                check.add("bytes", "must be between 1 and " + MAX_UPLOAD_BYTES);
            }
        }
        String campaignId = check.string(body.get("campaign_id"), "campaign_id", 100, false);
        String nodeId = check.string(body.get("node_id"), "node_id", 100, false);
        if ((campaignId == null) != (nodeId == null)) {
            check.add(campaignId == null ? "campaign_id" : "node_id", "campaign_id and node_id go together");
        }
        check.throwIfProblems("upload request");
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

    /** Audits an uploaded asset; {@code target} is {@code {target_channel?, placement?, brand_palette?}}. */
    public AuditReport audit(String userId, String assetId, JsonNode target) {
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
            ObjectNode target = Json.mapper().createObjectNode().put("placement", node.placement());
            audited.add(new CampaignAudit.AssetAudit(upload.assetId(), node.assetId(), node.channel(), node.placement(),
                    audits.auditStored(image.get(), target)));
        }
        return new CampaignAudit(campaignId, audited, missing);
    }

    /** {@code uploads/<hash of the user>/<asset id>}: per-user, and safe whatever characters the subject has. */
    public static String keyOf(String userId, String assetId) {
        return "uploads/" + UserKeys.userHash(userId) + "/" + assetId;
    }
}
