package dev.pms.functions.proposals;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.ApiPriming;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for pre-flight quotes, usage and proposals. */
public class ProposalsHandler extends ApiGatewayFunction {

    public ProposalsHandler() {
        super();
    }

    public ProposalsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return ProposalsController.class;
    }

    @Override
    protected Class<? extends ApiPriming> primingType() {
        return ProposalsPriming.class;
    }
}
