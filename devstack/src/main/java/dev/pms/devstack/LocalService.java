package dev.pms.devstack;

import java.net.URI;
import java.util.Map;

/**
 * A service the devstack starts beside the emulators, before any function runs: the seam where the
 * Step Functions engine plugs in (its endpoint lands in {@link Devstack#endpoints()} under {@link #name()}
 * and its {@link #functionProperties()}, e.g. {@code aws.services.sfn.endpoint-override}, in every
 * function's application context).
 */
public interface LocalService extends AutoCloseable {

    /** Key in the endpoints map, e.g. {@code "stepfunctions"}. */
    String name();

    /** Where clients reach it, or null for a service without an API of its own (the SQS event sources). */
    URI endpoint();

    /** Properties added to every function's application context. */
    Map<String, String> functionProperties();

    @Override
    void close();
}
