package dev.pms.functions.inventory;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for Journey B: imports, the inventory, fix plans, variants, suggestions and publishing. */
public class InventoryHandler extends ApiGatewayFunction {

    public InventoryHandler() {
        super();
    }

    public InventoryHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return InventoryController.class;
    }

    @Override
    protected Class<? extends PrimingResource> primingType() {
        return InventoryPriming.class;
    }
}
