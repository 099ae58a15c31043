package dev.pms.core.campaign;

import dev.pms.core.channel.Channel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A campaign to plan: what the create-blueprint request asked for, already checked.
 *
 * @param campaignName   null to have one made up from the product and the goal
 * @param channels       at least one, each once
 * @param productContext the product facts, free-form (empty when none were given)
 * @param startDate      null to start today
 * @param launchDate     null to launch when the goal's schedule says
 * @param abVariants     how many A/B variants of each deliverable the plan makes (1 to {@value Campaign.Plan#MAX_AB_VARIANTS})
 */
public record CreateCampaign(String campaignName, Goal goal, String kpi, List<Channel> channels,
                             Map<String, Object> productContext, LocalDate startDate, LocalDate launchDate,
                             int abVariants) {

    public CreateCampaign(String campaignName, Goal goal, String kpi, List<Channel> channels,
                          Map<String, Object> productContext, LocalDate startDate, LocalDate launchDate) {
        this(campaignName, goal, kpi, channels, productContext, startDate, launchDate, 1);
    }

    public CreateCampaign {
        Campaign.Plan.requireAbVariants(abVariants);
        Objects.requireNonNull(goal, "goal");
        if (campaignName != null && campaignName.isBlank()) {
            throw new IllegalArgumentException("a campaign name, when given, is not blank");
        }
        if (channels == null || channels.isEmpty()) {
            throw new IllegalArgumentException("a campaign has at least one channel");
        }
        channels = List.copyOf(channels);
        productContext = productContext == null ? Map.of() : productContext;
        if (goal == Goal.PRODUCT_LAUNCH && startDate != null && launchDate != null) {
            Teaser.problem(startDate, launchDate).ifPresent(problem -> {
                throw new IllegalArgumentException("launch_date " + problem);
            });
        }
    }
}
