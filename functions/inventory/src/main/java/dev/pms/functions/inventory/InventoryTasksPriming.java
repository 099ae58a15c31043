package dev.pms.functions.inventory;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.PrimingResource;
import dev.pms.aws.http.RuntimeSerializationPriming;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.inventory.InventoryImportTasks;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * SnapStart priming of the inventory import's tasks: {@code prepare} of an import the priming caller does not have;
 * the task looks it up in the table and refuses it, writing nothing.
 */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class InventoryTasksPriming extends PrimingResource {
    private final InventoryImportTasks tasks;

    public InventoryTasksPriming(InventoryImportTasks tasks) {
        super("inventory import tasks");
        this.tasks = tasks;
    }

    @Override
    protected void prime() {
        Map<String, Object> run = Map.of("user_id", ApiPriming.PRIMING_USER, "campaign_id", ApiPriming.PRIMING_USER,
                "import_id", ApiPriming.PRIMING_USER);
        try {
            tasks.prepare(ApiPriming.PRIMING_USER, ApiPriming.PRIMING_USER, ApiPriming.PRIMING_USER);
        } catch (NotFoundException expected) {
            // the priming caller has no imports: the lookup is the work
        }
        RuntimeSerializationPriming.prime(Map.class, Map.of("action", "prepare", "run", run), Map.class,
                Map.of("outcome", "ready", "indexes", List.of(0), "reason", "priming"));
    }
}
