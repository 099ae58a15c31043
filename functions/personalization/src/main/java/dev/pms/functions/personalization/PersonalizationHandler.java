package dev.pms.functions.personalization;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.ApiPriming;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for learned preferences, form defaults, recommendations and the intelligent prompt. */
public class PersonalizationHandler extends ApiGatewayFunction {

    public PersonalizationHandler() {
        super();
    }

    public PersonalizationHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return PersonalizationController.class;
    }

    @Override
    protected Class<? extends ApiPriming> primingType() {
        return PreferencesPriming.class;
    }
}
