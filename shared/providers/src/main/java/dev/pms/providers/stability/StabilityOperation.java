package dev.pms.providers.stability;

import dev.pms.core.pricing.PriceUnit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Stability AI v2beta services this client calls, by the model name a request gives. Generations make an image
 * from the prompt at the aspect ratio nearest the placement; upscales and edits work on the request's key frame.
 * Only the creative upscale is asynchronous: it answers a generation id to fetch from {@code /v2beta/results/{id}}.
 */
public enum StabilityOperation {
    CORE("stable-image-core", "/v2beta/stable-image/generate/core", Input.PROMPT, false, PriceUnit.IMAGE),
    ULTRA("stable-image-ultra", "/v2beta/stable-image/generate/ultra", Input.PROMPT, false, PriceUnit.IMAGE),
    UPSCALE_FAST("upscale-fast", "/v2beta/stable-image/upscale/fast", Input.IMAGE, false, PriceUnit.IMAGE_EDIT),
    UPSCALE_CONSERVATIVE("upscale-conservative", "/v2beta/stable-image/upscale/conservative", Input.IMAGE_AND_PROMPT,
            false, PriceUnit.IMAGE_EDIT),
    UPSCALE_CREATIVE("upscale-creative", "/v2beta/stable-image/upscale/creative", Input.IMAGE_AND_PROMPT, true,
            PriceUnit.IMAGE_EDIT),
    REMOVE_BACKGROUND("remove-background", "/v2beta/stable-image/edit/remove-background", Input.IMAGE, false,
            PriceUnit.IMAGE_EDIT),
    SEARCH_AND_REPLACE("search-and-replace", "/v2beta/stable-image/edit/search-and-replace", Input.IMAGE_PROMPT_AND_SEARCH,
            false, PriceUnit.IMAGE_EDIT),
    ERASE("erase", "/v2beta/stable-image/edit/erase", Input.IMAGE, false, PriceUnit.IMAGE_EDIT);

    public static final StabilityOperation DEFAULT = CORE;
    static final String RESULTS_PATH = "/v2beta/results/";

    /** What the multipart body of a service carries besides {@code output_format}. */
    enum Input {
        PROMPT, IMAGE, IMAGE_AND_PROMPT, IMAGE_PROMPT_AND_SEARCH;

        boolean needsImage() {
            return this != PROMPT;
        }

        boolean needsPrompt() {
            return this != IMAGE;
        }
    }

    private final String model;
    private final String path;
    private final Input input;
    private final boolean async;
    private final PriceUnit priceUnit;

    StabilityOperation(String model, String path, Input input, boolean async, PriceUnit priceUnit) {
        this.model = model;
        this.path = path;
        this.input = input;
        this.async = async;
        this.priceUnit = priceUnit;
    }

    /** The model name in requests, details and the price table, e.g. {@code stable-image-core}. */
    public String model() {
        return model;
    }

    public String path() {
        return path;
    }

    /** True when {@code submit} answers a handle to poll rather than the image. */
    public boolean async() {
        return async;
    }

    Input input() {
        return input;
    }

    PriceUnit priceUnit() {
        return priceUnit;
    }

    /** The operation for a request's model; a blank model means {@link #DEFAULT}. */
    public static Optional<StabilityOperation> forModel(String model) {
        if (model == null || model.isBlank()) {
            return Optional.of(DEFAULT);
        }
        String wanted = model.strip();
        return Arrays.stream(values()).filter(op -> op.model.equalsIgnoreCase(wanted)).findFirst();
    }

    static String knownModels() {
        return Arrays.stream(values()).map(StabilityOperation::model).collect(Collectors.joining(", "));
    }
}
