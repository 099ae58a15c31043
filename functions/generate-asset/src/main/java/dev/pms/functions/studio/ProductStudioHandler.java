package dev.pms.functions.studio;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.ApiPriming;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for the product studio and its template library. */
public class ProductStudioHandler extends ApiGatewayFunction {

    public ProductStudioHandler() {
        super();
    }

    public ProductStudioHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return StudioController.class;
    }

    @Override
    protected Class<? extends ApiPriming> primingType() {
        return StudioPriming.class;
    }
}
