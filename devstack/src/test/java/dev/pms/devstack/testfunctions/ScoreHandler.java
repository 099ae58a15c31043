package dev.pms.devstack.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.micronaut.context.ApplicationContext;

import java.util.Map;

/** Test Lambda for Step Functions tasks: score = points + BONUS from its own environment. */
public class ScoreHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final int bonus;

    public ScoreHandler(ApplicationContext context) {
        this.bonus = context.getRequiredProperty("bonus", Integer.class);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object points = input.get("points");
        if (!(points instanceof Number number)) {
            throw new IllegalArgumentException("points must be a number");
        }
        return Map.of("score", number.intValue() + bonus);
    }
}
