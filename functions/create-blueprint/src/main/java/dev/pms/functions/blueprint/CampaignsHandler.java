package dev.pms.functions.blueprint;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for campaigns, the brand profile, Brand DNA, health and the OpenAPI document. */
public class CampaignsHandler extends ApiGatewayFunction {

    public CampaignsHandler() {
        super();
    }

    public CampaignsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return BlueprintController.class;
    }
}
