package dev.pms.functions.optimization;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.ApiPriming;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for the approval board, distribution, metric imports and performance. */
public class CampaignOpsHandler extends ApiGatewayFunction {

    public CampaignOpsHandler() {
        super();
    }

    public CampaignOpsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return CampaignOpsController.class;
    }

    @Override
    protected Class<? extends ApiPriming> primingType() {
        return CampaignOpsPriming.class;
    }
}
