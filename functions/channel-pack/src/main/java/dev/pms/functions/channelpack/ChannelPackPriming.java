package dev.pms.functions.channelpack;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/** SnapStart priming of the channel-pack function: the channel catalogue and one channel's pack. */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class ChannelPackPriming extends ApiPriming {
    private static final String PREFIX = ApiPrefixes.PRODUCT_MARKETING;

    public ChannelPackPriming() {
        super("channel packs");
    }

    @Override
    protected void prime() {
        get("GET " + PREFIX + "/channels", Map.of());
        get("GET " + PREFIX + "/channels/{channel}/pack", Map.of("channel", "instagram"));
    }
}
