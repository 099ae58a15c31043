package dev.pms.aws.http;

import java.util.List;

/** The routes one function serves; implementations map requests to one application service call each. */
public interface ApiController {
    List<ApiRoute> routes();
}
