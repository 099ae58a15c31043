package dev.pms.functions.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.aws.http.requests.AuditCommands;
import dev.pms.aws.http.requests.UploadCommands;
import dev.pms.core.audit.AuditReport;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.json.Json;
import dev.pms.core.media.UploadService;
import dev.pms.core.observability.OperationalMetrics;
import jakarta.inject.Singleton;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

@Singleton
public class AuditController implements ApiController {
    static final String PREFIX = "/api/product-marketing";

    private final ImageAuditService audits;
    private final AuditCommands auditCommands;
    private final UploadService uploads;
    private final OperationalMetrics metrics;

    public AuditController(ImageAuditService audits, AuditCommands auditCommands, UploadService uploads,
                           OperationalMetrics metrics) {
        this.audits = audits;
        this.auditCommands = auditCommands;
        this.uploads = uploads;
        this.metrics = metrics;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.authenticated("POST " + PREFIX + "/assets/audit", this::audit),
                ApiRoute.authenticated("POST " + PREFIX + "/assets/uploads", this::createUpload),
                ApiRoute.authenticated("POST " + PREFIX + "/assets/{asset_id}/audit", this::auditUpload),
                ApiRoute.authenticated("POST " + PREFIX + "/campaigns/{campaign_id}/audit", this::auditCampaign));
    }

    /** Audits a small generated PNG against a placement, loading ImageIO and the metrics before the snapshot. */
    @Override
    public void prime() {
        BufferedImage image = new BufferedImage(216, 270, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode body = Json.mapper().createObjectNode()
                .put("image_base64", Base64.getEncoder().encodeToString(png.toByteArray()));
        body.putObject("asset_metadata").put("target_channel", "instagram").put("placement", "feed_portrait");
        ApiResponse.ok(audits.audit(auditCommands.image(body)));
    }

    private ApiResponse audit(ApiRequest request) {
        return counted(audits.audit(auditCommands.image(request)));
    }

    private ApiResponse counted(AuditReport report) {
        metrics.auditVerdict(report.verdict().code());
        return ApiResponse.ok(report);
    }

    private ApiResponse createUpload(ApiRequest request) {
        return ApiResponse.json(201, uploads.create(request.userId(), UploadCommands.create(request)));
    }

    private ApiResponse auditCampaign(ApiRequest request) {
        return ApiResponse.ok(uploads.auditCampaign(request.userId(), request.pathParameter("campaign_id")));
    }

    private ApiResponse auditUpload(ApiRequest request) {
        return counted(uploads.audit(request.userId(), request.pathParameter("asset_id"),
                auditCommands.storedTarget(request)));
    }
}
