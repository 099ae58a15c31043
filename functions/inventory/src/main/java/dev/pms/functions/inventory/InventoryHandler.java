package dev.pms.functions.inventory;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.ApiPriming;
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
    protected Class<? extends ApiPriming> primingType() {
        return InventoryPriming.class;
    }
}
