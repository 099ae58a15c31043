package dev.pms.functions.channelpack;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.aws.http.requests.ChannelPackCommands;
import dev.pms.core.channel.Channel;
import dev.pms.core.pack.ChannelPackExportService;
import dev.pms.core.pack.ChannelPackService;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class ChannelPackController implements ApiController {
    static final String PREFIX = "/api/product-marketing";

    private final ChannelPackService packs;
    private final BeanProvider<ChannelPackExportService> exports;

    /**
     * {@code exports}: made on the first export, so the catalogue and pack routes do not start the export's storage
     * clients and renderers (a SnapStart snapshot has them all the same: its context starts every bean).
     */
    public ChannelPackController(ChannelPackService packs, BeanProvider<ChannelPackExportService> exports) {
        this.packs = packs;
        this.exports = exports;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.authenticated("GET " + PREFIX + "/channels", this::channels),
                ApiRoute.authenticated("GET " + PREFIX + "/channels/{channel}/pack", this::pack),
                ApiRoute.authenticated("POST " + PREFIX + "/campaigns/{campaign_id}/channel-packs", this::exportPack));
    }

    /** Serialises the channel list and one pack of every channel (no reads, no writes). */
    @Override
    public void prime() {
        ApiResponse.ok(packs.channels());
        for (Channel channel : Channel.values()) {
            ApiResponse.ok(packs.pack(channel.code(), null));
        }
    }

    private ApiResponse channels(ApiRequest request) {
        return ApiResponse.ok(packs.channels());
    }

    private ApiResponse exportPack(ApiRequest request) {
        return ApiResponse.json(201, exports.get().export(request.userId(), request.pathParameter("campaign_id"),
                ChannelPackCommands.export(request)));
    }

    private ApiResponse pack(ApiRequest request) {
        return ApiResponse.ok(packs.pack(request.pathParameter("channel"), request.queryParameter("asset_type")));
    }
}
