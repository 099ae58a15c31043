package dev.pms.functions.generation;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.ApiPriming;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for campaign generation, single-asset generation and the asset library routes. */
public class GenerateAssetHandler extends ApiGatewayFunction {

    public GenerateAssetHandler() {
        super();
    }

    public GenerateAssetHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return GenerationController.class;
    }

    @Override
    protected Class<? extends ApiPriming> primingType() {
        return GenerationPriming.class;
    }
}
