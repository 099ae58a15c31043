package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.channel.Channel;
import dev.pms.core.distribution.BuildSchedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The distribution request body read into its command. */
public final class DistributionCommands {
    private static final Set<String> FIELDS = Set.of("channels", "timezone");

    private DistributionCommands() {
    }

    /** The optional body {@code {channels?: [], timezone?: "Europe/Berlin"}}; every channel in UTC without one. */
    public static BuildSchedule schedule(ApiRequest request) {
        return schedule(request.optionalJsonObjectBody());
    }

    static BuildSchedule schedule(JsonNode body) {
        InputChecker check = new InputChecker();
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        ZoneId zone = ZoneOffset.UTC;
        if (!InputChecker.isAbsent(body) && check.object(body, "body", false)) {
            check.rejectUnknownKeys(body, "", FIELDS);
            List<Channel> requested = check.list(body.get("channels"), "channels", Channel.values().length,
                    (item, path) -> check.code(item, path, code -> Channel.parse(code).orElse(null), "a channel", true));
            if (requested != null) {
                requested.stream().filter(Objects::nonNull).forEach(channels::add);
            }
            String timezone = check.string(body.get("timezone"), "timezone", 64, false);
            if (timezone != null) {
                try {
                    zone = ZoneId.of(timezone.trim());
                } catch (DateTimeException e) {
                    check.add("timezone", "is not a time zone id such as Europe/Berlin or UTC");
                }
            }
        }
        check.throwIfProblems("distribution request");
        return new BuildSchedule(channels, zone);
    }
}
