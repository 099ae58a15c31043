package dev.pms.devstack.admin;

import dev.pms.devstack.gateway.GatewayRequest;
import dev.pms.devstack.gateway.GatewayResponse;
import dev.pms.emulators.LocalAws;

/**
 * A {@code /_devstack/...} route that a module beside the runtime adds (the journeys module's
 * {@code /_devstack/plans}, which needs product code the runtime does not import). The devstack finds them with
 * {@link java.util.ServiceLoader} and starts each the first time its path is asked for.
 */
public interface AdminRoute {

    /** The exact path it answers, e.g. {@code /_devstack/plans}. */
    String path();

    /** Starts the handler on this devstack's emulators; {@code tableName}: the template's main table. */
    Handler start(LocalAws localAws, String tableName);

    /** A started route; closed with the devstack. */
    interface Handler extends AutoCloseable {

        GatewayResponse handle(GatewayRequest request);

        @Override
        void close();
    }
}
