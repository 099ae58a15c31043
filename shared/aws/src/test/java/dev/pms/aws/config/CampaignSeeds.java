package dev.pms.aws.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.json.Json;
import io.micronaut.context.ApplicationContext;

/** For handler tests of the functions that act on a campaign: stores one the way the campaigns function does. */
public final class CampaignSeeds {
    /** A small launch on Instagram and email. */
    public static final String LAUNCH = """
            {"campaign_name": "Acme Notes launch", "goal": "product_launch", "channels": ["instagram", "email"],
             "launch_date": "2026-12-10",
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;

    private CampaignSeeds() {
    }

    /** Creates the blueprint for {@code userId} through the context's campaign service; its campaign id. */
    public static String blueprint(ApplicationContext context, String userId, String blueprintJson) {
        try {
            return context.getBean(CampaignService.class)
                    .createBlueprint(userId, Json.mapper().readTree(blueprintJson)).campaignId();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + blueprintJson, e);
        }
    }
}
