package dev.pms.functions.proposals;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for pre-flight quotes, usage and proposals. */
public class GenerateProposalsHandler extends ApiGatewayFunction {

    public GenerateProposalsHandler() {
        super();
    }

    public GenerateProposalsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return ProposalsController.class;
    }
}
