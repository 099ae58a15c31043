package dev.pms.aws.http;

import java.util.List;

/** The routes one function serves; implementations map requests to one application service call each. */
public interface ApiController {
    List<ApiRoute> routes();

    /**
     * Exercises the code paths of the routes without touching data, before a SnapStart snapshot is
     * taken, so that restored functions start with their classes loaded and initialised.
     */
    default void prime() {
    }
}
