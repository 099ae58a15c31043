package dev.pms.functions.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.common.EnumCodes;
import dev.pms.core.error.ValidationException;
import dev.pms.core.inventory.InventoryService;
import dev.pms.core.inventory.ItemKind;
import dev.pms.core.inventory.ItemStatus;
import dev.pms.core.validation.InputChecker;

import java.util.Arrays;
import java.util.Set;

/** Reads the inventory routes' JSON bodies and queries into the core's commands; every problem is named. */
final class InventoryRequests {
    private static final Set<String> IMPORT_FIELDS = Set.of("source", "filename", "bytes", "shop_domain");

    /** {@code {source: zip, filename, bytes}} or {@code {source: shopify, shop_domain}}. */
    Object importCommand(JsonNode body) {
        InputChecker check = new InputChecker();
        check.rejectUnknownKeys(body, "", IMPORT_FIELDS);
        String source = check.oneOf(body.get("source"), "source", java.util.List.of("zip", "shopify"), false);
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
