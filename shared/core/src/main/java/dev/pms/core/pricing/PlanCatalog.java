package dev.pms.core.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** The plan table ({@code plans.json}): free, basic, pro and enterprise limits. */
public final class PlanCatalog {
    private static final String RESOURCE = "/plans.json";
    private static volatile PlanCatalog shared;

    private final String version;
    private final Map<PlanTier, Plan> plans;

    PlanCatalog(String version, Map<PlanTier, Plan> plans) {
        this.version = version;
        this.plans = Map.copyOf(plans);
    }

    public static PlanCatalog load() {
        PlanCatalog catalog = shared;
        if (catalog == null) {
            synchronized (PlanCatalog.class) {
                if (shared == null) {
                    shared = read();
                }
                catalog = shared;
            }
        }
        return catalog;
    }

    private static PlanCatalog read() {
        try (InputStream in = PlanCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = Json.mapper().readTree(in);
            Map<PlanTier, Plan> plans = new EnumMap<>(PlanTier.class);
            for (JsonNode node : root.get("plans")) {
                Map<UsageKind, Integer> limits = new EnumMap<>(UsageKind.class);
                node.get("limits").fields().forEachRemaining(e ->
                        limits.put(Json.mapper().convertValue(e.getKey(), UsageKind.class), e.getValue().asInt()));
                PlanTier tier = Json.mapper().convertValue(node.get("tier").asText(), PlanTier.class);
                plans.put(tier, new Plan(tier, new BigDecimal(node.get("price_usd").asText()),
                        new BigDecimal(node.get("monthly_cap_usd").asText()), limits));
            }
            for (PlanTier tier : PlanTier.values()) {
                if (!plans.containsKey(tier)) {
                    throw new IllegalStateException(RESOURCE + " has no plan for " + tier.code());
                }
            }
            return new PlanCatalog(root.get("version").asText(), plans);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public String version() {
        return version;
    }

    public Plan plan(PlanTier tier) {
        return plans.get(tier);
    }
}
