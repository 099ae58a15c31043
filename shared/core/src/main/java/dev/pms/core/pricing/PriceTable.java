package dev.pms.core.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one versioned price table ({@code price-table.json}) behind quotes, metering and reports.
 * A {@code *}/{@code *} row prices text models the table does not name.
 */
public final class PriceTable {
    private static final String RESOURCE = "/price-table.json";
    private static volatile PriceTable shared;

    private final String version;
    private final List<PriceEntry> entries;

    PriceTable(String version, List<PriceEntry> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
    }

    public static PriceTable load() {
        PriceTable table = shared;
        if (table == null) {
            synchronized (PriceTable.class) {
                if (shared == null) {
                    shared = read();
                }
                table = shared;
            }
        }
        return table;
    }

    private static PriceTable read() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = Json.mapper().readTree(in);
            List<PriceEntry> entries = new ArrayList<>();
            for (JsonNode entry : root.get("entries")) {
                entries.add(Json.mapper().treeToValue(entry, PriceEntry.class));
            }
            return new PriceTable(root.get("version").asText(), entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public String version() {
        return version;
    }

    public List<PriceEntry> entries() {
        return entries;
    }

    public PriceEntry entry(String provider, String model, PriceUnit unit) {
        return find(provider, model, unit)
                .or(() -> find("*", "*", unit))
                .orElseThrow(() -> new IllegalArgumentException(
                        "no price for " + provider + "/" + model + " per " + unit.code()));
    }

    public BigDecimal unitPrice(String provider, String model, PriceUnit unit) {
        return entry(provider, model, unit).usd();
    }

    private Optional<PriceEntry> find(String provider, String model, PriceUnit unit) {
        return entries.stream()
                .filter(e -> e.provider().equals(provider) && e.model().equals(model) && e.unit() == unit)
                .findFirst();
    }
}
