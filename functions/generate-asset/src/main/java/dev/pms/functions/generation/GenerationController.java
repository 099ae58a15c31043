package dev.pms.functions.generation;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.aws.http.requests.GenerationCommands;
import dev.pms.core.asset.AssetLibraryService;
import dev.pms.core.generation.GenerationRuns;
import dev.pms.core.generation.SingleAssetService;
import jakarta.inject.Singleton;

import java.util.List;

/** Campaign generation (start, status, approve, stop), single-asset generation and the asset library. */
@Singleton
public class GenerationController implements ApiController {
    static final String PREFIX = "/api/product-marketing";
    private static final String GENERATION = PREFIX + "/campaigns/{campaign_id}/generation";

    private final GenerationRuns generation;
    private final SingleAssetService singleAsset;
    private final AssetLibraryService library;

    public GenerationController(GenerationRuns generation, SingleAssetService singleAsset,
                                AssetLibraryService library) {
        this.generation = generation;
        this.singleAsset = singleAsset;
        this.library = library;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.authenticated("POST " + GENERATION, this::start),
                ApiRoute.authenticated("GET " + GENERATION, this::status),
                ApiRoute.authenticated("DELETE " + GENERATION, this::stop),
                ApiRoute.authenticated("POST " + GENERATION + "/approve", this::approve),
                ApiRoute.authenticated("POST " + PREFIX + "/assets/generate", this::generateOne),
                ApiRoute.authenticated("GET " + PREFIX + "/assets", this::list),
                ApiRoute.authenticated("GET " + PREFIX + "/assets/{asset_id}", this::get),
                ApiRoute.authenticated("DELETE " + PREFIX + "/assets/{asset_id}", this::delete));
    }

    /** Nothing to warm without I/O beyond the bean graph itself, which the snapshot already holds. */
    @Override
    public void prime() {
        ApiResponse.ok(List.of());
    }

    private ApiResponse start(ApiRequest request) {
        return ApiResponse.json(202, generation.start(request.userId(), request.pathParameter("campaign_id"),
                GenerationCommands.start(request)));
    }

    private ApiResponse status(ApiRequest request) {
        return ApiResponse.ok(generation.status(request.userId(), request.pathParameter("campaign_id")));
    }

    private ApiResponse stop(ApiRequest request) {
        return ApiResponse.ok(generation.stop(request.userId(), request.pathParameter("campaign_id")));
    }

    private ApiResponse approve(ApiRequest request) {
        return ApiResponse.ok(generation.approve(request.userId(), request.pathParameter("campaign_id"),
                GenerationCommands.approve(request)));
    }

    private ApiResponse generateOne(ApiRequest request) {
        SingleAssetService.Answer answer = singleAsset.generate(request.userId(),
                GenerationCommands.generateAsset(request));
        return ApiResponse.json(answer.queued() ? 202 : 200, answer.body());
    }

    private ApiResponse list(ApiRequest request) {
        return ApiResponse.ok(library.list(request.userId(), request.queryParameters()));
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(library.get(request.userId(), request.pathParameter("asset_id")));
    }

    private ApiResponse delete(ApiRequest request) {
        library.delete(request.userId(), request.pathParameter("asset_id"));
        return ApiResponse.noContent();
    }

}
