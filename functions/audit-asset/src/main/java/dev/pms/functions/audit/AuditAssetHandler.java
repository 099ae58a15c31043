package dev.pms.functions.audit;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.ApiPriming;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for asset audits. */
public class AuditAssetHandler extends ApiGatewayFunction {

    public AuditAssetHandler() {
        super();
    }

    public AuditAssetHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return AuditController.class;
    }

    @Override
    protected Class<? extends ApiPriming> primingType() {
        return AuditPriming.class;
    }
}
