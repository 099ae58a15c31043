package dev.pms.core.distribution;

import java.util.List;
import java.util.Optional;

/** Storage port for versioned distribution schedules, scoped to one tenant. */
public interface ScheduleRepository {

    Optional<Schedule> latest(String userId, String campaignId);

    /**
     * Stores the schedule as a new version and makes it the campaign's latest; its version must be exactly the
     * latest stored version + 1 (1 when there is none).
     *
     * @throws dev.pms.core.error.VersionConflictException when another writer stored that version first
     */
    void save(String userId, Schedule schedule);

    /** The latest schedule of each of the user's campaigns. */
    List<Schedule> latestOfEveryCampaign(String userId);
}
