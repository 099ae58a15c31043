package dev.pms.functions.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.requests.InputChecker;
import dev.pms.core.channel.Channel;
import dev.pms.core.common.EnumCodes;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.inventory.FixPlanService;
import dev.pms.core.inventory.InventoryService;
import dev.pms.core.inventory.ItemKind;
import dev.pms.core.inventory.ItemStatus;
import dev.pms.core.inventory.VariantService;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Reads the inventory routes' JSON bodies and queries into the core's commands; every problem is named. */
final class InventoryRequests {
    private static final Set<String> IMPORT_FIELDS = Set.of("source", "filename", "bytes", "shop_domain");

    /** {@code {source: zip, filename, bytes}} or {@code {source: shopify, shop_domain}}. */
    Object importCommand(JsonNode body) {
        InputChecker check = new InputChecker();
        check.rejectUnknownKeys(body, "", IMPORT_FIELDS);
        String source = check.oneOf(body.get("source"), "source", List.of("zip", "shopify"), false);
        check.throwIfProblems("import request");
        if ("shopify".equals(source)) {
            String shop = check.string(body.get("shop_domain"), "shop_domain", 100, true);
            check.throwIfProblems("import request");
            return new InventoryService.StoreImportCommand(shop);
        }
        String filename = check.displayName(body.get("filename"), "filename", 255, true);
        Long bytes = check.integer(body.get("bytes"), "bytes", 1, Long.MAX_VALUE, true);
        check.throwIfProblems("import request");
        return new InventoryService.ZipImportCommand(filename, bytes);
    }

    private static final Set<String> PLAN_FIELDS = Set.of("placement", "operations");
    private static final Set<String> APPROVE_FIELDS = Set.of("version");
    private static final Set<String> DERIVE_FIELDS = Set.of("item_id", "version", "channels", "overlay_text");
    private static final Set<String> CHANNEL_FIELDS = Set.of("enabled", "approved");
    private static final Set<String> PUBLISH_FIELDS = Set.of("timezone");

    /** {@code {placement?, operations?: [codes]}}; an empty body runs the whole plan of the busiest placement. */
    FixPlanService.FixPlanCommand fixPlan(JsonNode body) {
        InputChecker check = new InputChecker();
        check.rejectUnknownKeys(body, "", PLAN_FIELDS);
        String placement = check.string(body.get("placement"), "placement", 100, false);
        List<String> operations = check.stringList(body.get("operations"), "operations", 12, 40);
        check.throwIfProblems("fix plan request");
        return new FixPlanService.FixPlanCommand(placement, operations);
    }

    /** {@code {version}}: 0 is the original. */
    int version(JsonNode body) {
        InputChecker check = new InputChecker();
        check.rejectUnknownKeys(body, "", APPROVE_FIELDS);
        Long version = check.integer(body.get("version"), "version", 0, 10_000, true);
        check.throwIfProblems("approval");
        return version.intValue();
    }

    VariantService.DeriveCommand derive(JsonNode body) {
        InputChecker check = new InputChecker();
        check.rejectUnknownKeys(body, "", DERIVE_FIELDS);
        String itemId = check.string(body.get("item_id"), "item_id", 100, true);
        Long version = check.integer(body.get("version"), "version", 0, 10_000, false);
        List<Channel> channels = channels(check, body.get("channels"));
        String overlay = check.string(body.get("overlay_text"), "overlay_text", 400, false);
        check.throwIfProblems("variant request");
        return new VariantService.DeriveCommand(itemId, version == null ? null : version.intValue(),
                channels == null ? Set.of() : Set.copyOf(channels), overlay);
    }

    VariantService.ChannelCommand channel(JsonNode body) {
        InputChecker check = new InputChecker();
        check.rejectUnknownKeys(body, "", CHANNEL_FIELDS);
        Boolean enabled = check.bool(body.get("enabled"), "enabled");
        Boolean approved = check.bool(body.get("approved"), "approved");
        if (enabled == null && approved == null) {
            check.add("body", "must set enabled or approved (true or false)");
        }
        check.throwIfProblems("channel request");
        return new VariantService.ChannelCommand(enabled, approved);
    }

    /** The optional body {@code {timezone?}}; UTC without one. */
    ZoneId timezone(JsonNode body) {
        if (body == null) {
            return ZoneOffset.UTC;
        }
        InputChecker check = new InputChecker();
        check.rejectUnknownKeys(body, "", PUBLISH_FIELDS);
        String zone = check.string(body.get("timezone"), "timezone", 64, false);
        check.throwIfProblems("publish request");
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw ValidationException.of("timezone", "is not a time zone id such as Europe/Berlin or UTC");
        }
    }

    static Channel pathChannel(String code) {
        return Channel.parse(code).orElseThrow(() -> new NotFoundException("there is no channel " + code));
    }

    private static List<Channel> channels(InputChecker check, JsonNode node) {
        return check.list(node, "channels", Channel.values().length, (item, path) ->
                check.code(item, path, code -> Channel.parse(code).orElse(null), "a channel", true));
    }

    static ItemStatus status(String value) {
        return value == null ? null : EnumCodes.parse(ItemStatus.class, value).orElseThrow(() ->
                ValidationException.of("status", "must be one of " + codes(ItemStatus.values())));
    }

    static ItemKind kind(String value) {
        return value == null ? null : EnumCodes.parse(ItemKind.class, value).orElseThrow(() ->
                ValidationException.of("kind", "must be one of " + codes(ItemKind.values())));
    }

    private static String codes(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(EnumCodes::code).toList());
    }
}
