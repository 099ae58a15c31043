package dev.pms.functions.channelpack;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.ApiPriming;
import io.micronaut.context.ApplicationContext;

/** Lambda handler for the channel catalogue and per-channel packs. */
public class ChannelPackHandler extends ApiGatewayFunction {

    public ChannelPackHandler() {
        super();
    }

    public ChannelPackHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Class<? extends ApiController> controllerType() {
        return ChannelPackController.class;
    }

    @Override
    protected Class<? extends ApiPriming> primingType() {
        return ChannelPackPriming.class;
    }
}
