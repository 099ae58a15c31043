package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.channel.Channel;
import dev.pms.core.pack.ExportChannelPack;

import java.util.List;
import java.util.Set;

/** The channel pack request body read into its command, every problem reported at once. */
public final class ChannelPackCommands {
    private static final Set<String> BODY_FIELDS = Set.of("channels");

    private ChannelPackCommands() {
    }

    /** The optional body {@code {channels?: [codes]}} ({@code x} is twitter); without channels, all of the campaign's. */
    public static ExportChannelPack export(ApiRequest request) {
        return export(request.optionalJsonObjectBody());
    }

    static ExportChannelPack export(JsonNode body) {
        InputChecker check = new InputChecker();
        if (InputChecker.isAbsent(body)) {
            return ExportChannelPack.allChannels();
        }
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("channel pack request");
        }
        check.rejectUnknownKeys(body, "", BODY_FIELDS);
        List<Channel> chosen = check.list(body.get("channels"), "channels", ExportChannelPack.MAX_CHANNELS,
                (item, path) -> channel(check, item, path));
        if (chosen != null && body.get("channels").isEmpty()) {
            check.add("channels", "must name at least one channel (or be left out for all of the campaign's)");
        }
        check.throwIfProblems("channel pack request");
        return new ExportChannelPack(chosen == null ? List.of() : chosen);
    }

    private static Channel channel(InputChecker check, JsonNode item, String path) {
        if (!InputChecker.isAbsent(item) && !item.isTextual()) {
            check.add(path, "must be a channel code, not " + InputChecker.describe(item));
            return null;
        }
        String code = check.string(item, path, 40, true);
        if (code == null) {
            return null;
        }
        Channel channel = Channel.parse(code).orElse(null);
        if (channel == null) {
            check.add(path, "is not a known channel (got '" + code + "')");
        }
        return channel;
    }
}
