package dev.pms.functions.inventory;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.PrimingContext;
import dev.pms.aws.http.PrimingResource;
import dev.pms.aws.http.RuntimeSerializationPriming;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.UploadService;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * SnapStart priming of the inventory import's tasks: {@code prepare} of an import the priming caller does not have,
 * through the handler as the runtime invokes it (the task looks the import up in the table and refuses it, writing
 * nothing), and the read of a stored object the caller does not have, as {@code prepare} looks for an import's
 * manifest and upload.
 */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class InventoryTasksPriming extends PrimingResource {
    private static final long SMALL = 1024;

    private final MediaStore media;
    private InventoryTasksHandler handler;

    public InventoryTasksPriming(MediaStore media) {
        super("inventory import tasks");
        this.media = media;
    }

    /** The handler the task goes through. */
    void attach(InventoryTasksHandler tasksHandler) {
        this.handler = tasksHandler;
    }

    @Override
    protected void prime() {
        if (handler == null) {
            throw new IllegalStateException("no handler attached to prime the inventory import tasks");
        }
        Map<String, Object> run = Map.of("user_id", ApiPriming.PRIMING_USER, "campaign_id", ApiPriming.PRIMING_USER,
                "import_id", ApiPriming.PRIMING_USER);
        Map<String, Object> event = Map.of("action", "prepare", "run", run);
        try {
            handler.handleRequest(event, PrimingContext.ofThisFunction());
        } catch (NotFoundException expected) {
            // the priming caller has no imports: the lookup is the work
        }
        media.read(UploadService.keyOf(ApiPriming.PRIMING_USER, ApiPriming.PRIMING_USER), SMALL);
        RuntimeSerializationPriming.prime(Map.class, event, Map.class,
                Map.of("outcome", "ready", "indexes", List.of(0), "reason", "priming"));
    }
}
