package dev.pms.functions.inventory;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.core.inventory.FixPlanService;
import dev.pms.core.inventory.InventoryImport;
import dev.pms.core.inventory.InventoryService;
import dev.pms.core.inventory.VariantService;
import dev.pms.core.inventory.ZipArchive;
import dev.pms.core.inventory.ZipLimits;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Journey B's routes: imports into a campaign's inventory (a ZIP through a presigned PUT, or a Shopify store), their
 * per-entry reports and resumption, the inventory with each item's audit, approving an item's fix plan (run as provider
 * jobs) and the version its variants come from, the channel variants with per-channel switches and approval, the
 * suggestions for what nothing covers, and the one-click publish.
 */
@Singleton
public class InventoryController implements ApiController {
    static final String CAMPAIGN = ApiPrefixes.PRODUCT_MARKETING + "/campaigns/{campaign_id}";

    private final InventoryService inventory;
    private final FixPlanService fixPlans;
    private final VariantService variants;
    private final InventoryRequests requests = new InventoryRequests();

    public InventoryController(InventoryService inventory, FixPlanService fixPlans, VariantService variants) {
        this.inventory = inventory;
        this.fixPlans = fixPlans;
        this.variants = variants;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.authenticated("POST " + CAMPAIGN + "/inventory/imports", this::createImport),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/inventory/imports/{import_id}/start", this::startImport),
                ApiRoute.authenticated("GET " + CAMPAIGN + "/inventory/imports/{import_id}", request -> ApiResponse.ok(
                        inventory.report(request.userId(), campaign(request), request.pathParameter("import_id")))),
                ApiRoute.authenticated("GET " + CAMPAIGN + "/inventory", request -> ApiResponse.ok(inventory.list(
                        request.userId(), campaign(request), InventoryRequests.status(request.queryParameter("status")),
                        InventoryRequests.kind(request.queryParameter("kind"))))),
                ApiRoute.authenticated("GET " + CAMPAIGN + "/inventory/{item_id}", request -> ApiResponse.ok(
                        inventory.item(request.userId(), campaign(request), request.pathParameter("item_id")))),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/inventory/{item_id}/fix-plan", request -> ApiResponse.json(
                        202, fixPlans.approve(request.userId(), campaign(request), request.pathParameter("item_id"),
                                requests.fixPlan(request.jsonObjectBody())))),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/inventory/{item_id}/approve", this::approveVersion),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/variants", request -> ApiResponse.json(202,
                        variants.derive(request.userId(), campaign(request), requests.derive(request.jsonObjectBody())))),
                ApiRoute.authenticated("GET " + CAMPAIGN + "/variants", request -> ApiResponse.ok(
                        variants.board(request.userId(), campaign(request)))),
                ApiRoute.authenticated("PATCH " + CAMPAIGN + "/variants/{channel}", request -> ApiResponse.ok(
                        variants.channel(request.userId(), campaign(request),
                                InventoryRequests.pathChannel(request.pathParameter("channel")),
                                requests.channel(request.jsonObjectBody())))),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/variants/publish", request -> ApiResponse.json(201,
                        variants.publish(request.userId(), campaign(request), requests.timezone(request.optionalJsonObjectBody()),
                                request.publicOrigin() + ApiPrefixes.PRODUCT_MARKETING + "/media"))),
                ApiRoute.authenticated("GET " + CAMPAIGN + "/suggestions", request -> ApiResponse.ok(
                        variants.suggestions(request.userId(), campaign(request)))));
    }

    /** Reads a small ZIP's directory and inflates its entry, loading the ZIP classes before the snapshot. */
    @Override
    public void prime() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("prime.txt"));
            zip.write("Warms the inventory's classes. Nothing is stored.".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZipArchive archive = ZipArchive.open(out.toByteArray(), ZipLimits.DEFAULT);
        archive.extract(archive.entries().get(0));
    }

    private ApiResponse createImport(ApiRequest request) {
        Object command = requests.importCommand(request.jsonObjectBody());
        String campaignId = campaign(request);
        if (command instanceof InventoryService.StoreImportCommand store) {
            return ApiResponse.json(202, importBody(request, inventory.createStoreImport(request.userId(), campaignId,
                    store)));
        }
        InventoryService.UploadTicket ticket = inventory.createZipImport(request.userId(), campaignId,
                (InventoryService.ZipImportCommand) command);
        Map<String, Object> body = importBody(request, ticket.inventoryImport());
        body.put("upload_url", ticket.uploadUrl());
        body.put("required_headers", ticket.requiredHeaders());
        body.put("expires_at", ticket.expiresAt());
        body.put("max_bytes", ticket.maxBytes());
        body.put("start_url", importPath(request, ticket.inventoryImport()) + "/start");
        return ApiResponse.json(201, body);
    }

    private ApiResponse approveVersion(ApiRequest request) {
        String itemId = request.pathParameter("item_id");
        fixPlans.approveVersion(request.userId(), campaign(request), itemId, requests.version(request.jsonObjectBody()));
        return ApiResponse.ok(inventory.item(request.userId(), campaign(request), itemId));
    }


    private ApiResponse startImport(ApiRequest request) {
        InventoryImport started = inventory.start(request.userId(), campaign(request),
                request.pathParameter("import_id"));
        return ApiResponse.json(202, importBody(request, started));
    }

    private static Map<String, Object> importBody(ApiRequest request, InventoryImport found) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("import_id", found.importId());
        body.put("campaign_id", found.campaignId());
        body.put("source", found.source().code());
        body.put("status", found.status().code());
        body.put("attempt", found.attempt());
        body.put("poll_url", importPath(request, found));
        return body;
    }

    /** The import's own URL path, under the prefix the caller used. */
    private static String importPath(ApiRequest request, InventoryImport found) {
        String prefix = request.rawPath() != null && request.rawPath().startsWith(ApiPrefixes.CAMPAIGN_CREATOR)
                ? ApiPrefixes.CAMPAIGN_CREATOR : ApiPrefixes.PRODUCT_MARKETING;
        return prefix + "/campaigns/" + found.campaignId() + "/inventory/imports/" + found.importId();
    }

    private static String campaign(ApiRequest request) {
        return request.pathParameter("campaign_id");
    }
}
