package dev.pms.functions.studio;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.aws.http.Problems;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.generation.StudioBrief.Operation;
import dev.pms.core.observability.OperationalMetrics;
import dev.pms.core.studio.StudioJob;
import dev.pms.core.studio.StudioOrder;
import dev.pms.core.studio.StudioPresets;
import dev.pms.core.studio.StudioService;
import dev.pms.core.studio.StudioTemplate;
import dev.pms.core.studio.StudioTemplates;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The product studio: photoshoots, product animations, product videos and avatar explainers (each answered with its
 * media when made within the wait budget, else 202 and a poll URL), their jobs, and the template library.
 */
@Singleton
public class StudioController implements ApiController {
    static final String PREFIX = "/api/product-marketing";
    private static final String PRODUCTS = PREFIX + "/products";

    private final StudioService studio;
    private final StudioTemplates templates = StudioTemplates.load();
    private final StudioRequests requests = new StudioRequests();
    private final OperationalMetrics metrics;

    public StudioController(StudioService studio, OperationalMetrics metrics) {
        this.studio = studio;
        this.metrics = metrics;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.authenticated("POST " + PRODUCTS + "/photoshoot",
                        request -> accepted(studio.submit(request.userId(), requests.photoshoot(request.jsonObjectBody())))),
                ApiRoute.authenticated("POST " + PRODUCTS + "/animate",
                        request -> submit(request, null, Operation.ANIMATE)),
                ApiRoute.authenticated("POST " + PRODUCTS + "/animate/{preset}",
                        request -> submit(request, request.pathParameter("preset"), Operation.ANIMATE)),
                ApiRoute.authenticated("POST " + PRODUCTS + "/video/{preset}",
                        request -> submit(request, request.pathParameter("preset"), Operation.PRODUCT_VIDEO)),
                ApiRoute.authenticated("POST " + PRODUCTS + "/avatar/{preset}",
                        request -> submit(request, request.pathParameter("preset"), Operation.AVATAR_EXPLAINER)),
                ApiRoute.authenticated("GET " + PRODUCTS + "/jobs/{job_id}",
                        request -> answer(studio.job(request.userId(), request.pathParameter("job_id")))),
                ApiRoute.authenticated("GET " + PREFIX + "/templates", this::listTemplates),
                ApiRoute.authenticated("GET " + PREFIX + "/templates/{template_id}",
                        request -> ApiResponse.ok(template(request.pathParameter("template_id")))),
                ApiRoute.authenticated("POST " + PREFIX + "/templates/{template_id}/apply", this::applyTemplate));
    }

    @Override
    public void prime() {
        StudioPresets.scenes("demo", "Prime", "Warms the studio's classes. Nothing is stored.", 10);
        ApiResponse.ok(templates.counts());
    }

    private ApiResponse submit(ApiRequest request, String segment, Operation operation) {
        String preset = null;
        if (segment != null && !(operation == Operation.AVATAR_EXPLAINER && "explainer".equals(segment))) {
            preset = StudioPresets.presetOfRoute(operation, segment).orElseThrow(() -> new NotFoundException(
                    "there is no " + operation.code().replace('_', ' ') + " preset called " + segment
                            + "; presets: " + String.join(", ", StudioPresets.presets(operation).keySet())));
        }
        Function<String, StudioOrder> read = switch (operation) {
            case ANIMATE -> given -> requests.animate(request.jsonObjectBody(), given);
            case PRODUCT_VIDEO -> given -> requests.productVideo(request.jsonObjectBody(), given);
            case AVATAR_EXPLAINER -> given -> requests.avatarExplainer(request.jsonObjectBody(), given);
            case PHOTOSHOOT -> given -> requests.photoshoot(request.jsonObjectBody());
        };
        return accepted(studio.submit(request.userId(), read.apply(preset)));
    }

    private ApiResponse accepted(StudioJob job) {
        metrics.studioJob(job.operation().code());
        return answer(job);
    }

    private ApiResponse answer(StudioJob job) {
        if (job.status() == StudioJob.Status.FAILED) {
            return Problems.problem(502, "studio-failed", "Bad Gateway", "The studio could not make this "
                    + job.operation().code().replace('_', ' ') + ": " + job.error()
                    + ". Nothing was charged; try again.", List.of(), null);
        }
        return ApiResponse.json(job.status() == StudioJob.Status.RUNNING ? 202 : 200, StudioAnswers.body(job));
    }

    private ApiResponse listTemplates(ApiRequest request) {
        String category = request.queryParameter("category");
        if (category != null && !StudioTemplates.CATEGORIES.contains(category)) {
            throw ValidationException.of("category", "must be one of product_image, product_video, product_avatar");
        }
        List<StudioTemplate> chosen = category == null ? templates.all() : templates.inCategory(category);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templates", chosen);
        body.put("total", chosen.size());
        body.put("categories", templates.counts());
        return ApiResponse.ok(body);
    }

    private StudioTemplate template(String id) {
        return templates.find(id).orElseThrow(() -> new NotFoundException("there is no studio template " + id));
    }

    private ApiResponse applyTemplate(ApiRequest request) {
        StudioTemplate template = template(request.pathParameter("template_id"));
        var body = request.jsonObjectBody();
        var name = body.get("product_name");
        if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 200) {
            throw ValidationException.of("product_name", "is required (at most 200 characters)");
        }
        var description = body.get("product_description");
        if (description != null && !description.isNull() && (!description.isTextual()
                || description.asText().length() > 2_000)) {
            throw ValidationException.of("product_description", "must be text of at most 2000 characters");
        }
        String descriptionText = description == null || description.isNull() || description.asText().isBlank()
                ? null : description.asText().strip();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("template_id", template.id());
        answer.put("product_name", name.asText().strip());
        answer.put("product_description", descriptionText);
        answer.put("configuration", StudioTemplates.configuration(template, name.asText().strip(), descriptionText));
        studio.templateApplied(request.userId(), template);
        return ApiResponse.ok(answer);
    }
}
