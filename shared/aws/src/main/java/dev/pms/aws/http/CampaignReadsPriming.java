package dev.pms.aws.http;

import dev.pms.aws.dynamodb.DocumentReadBack;
import dev.pms.aws.http.requests.CampaignCommands;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignService;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * What a function's priming requests cannot reach for a caller without data, though a real caller's first request on
 * a campaign does it: a stored campaign read (a sample campaign planned in memory, written as its stored document and
 * read back) and a query of the table (the priming caller's campaigns, none). Only reads; used by the functions'
 * {@link ApiPriming}s.
 */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class CampaignReadsPriming {
    private static final int ONE_PAGE = 1;

    private final CampaignRepository campaigns;
    private final CampaignService planner;
    private final CampaignCommands commands;

    public CampaignReadsPriming(CampaignRepository campaigns, CampaignService planner, CampaignCommands commands) {
        this.campaigns = campaigns;
        this.planner = planner;
        this.commands = commands;
    }

    /** Reads a sample campaign back from its stored document and queries the priming caller's campaigns. */
    public Campaign prime() {
        Campaign sample = planner.preview(ApiPriming.PRIMING_USER,
                commands.primingSample("instagram", "youtube", "email"));
        campaigns.list(ApiPriming.PRIMING_USER, null, ONE_PAGE, null);
        return DocumentReadBack.campaign(sample);
    }
}
