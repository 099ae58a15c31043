package dev.pms.core.campaign;

import dev.pms.core.channel.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign and its graph: what it is for ({@link Brief}), what it makes ({@link Plan}), when it runs
 * ({@link Schedule}) and its {@link Revision}. {@code userId} is the owner's token subject and never leaves the
 * server in responses.
 */
public record Campaign(
        String campaignId,
        String userId,
        Brief brief,
        Plan plan,
        CampaignStatus status,
        Schedule schedule,
        Revision revision) {

    /** What the campaign is for and where it runs. */
    public record Brief(String campaignName, Goal goal, String kpi, List<Channel> channels) {
        public Brief {
            channels = List.copyOf(channels);
        }
    }

    /**
     * The campaign graph: its phases, its asset nodes, the product facts they are made from, and how many A/B variants
     * of each deliverable it plans (1 unless the brief asked for more).
     */
    public record Plan(List<Phase> phases, List<AssetNode> assetNodes, Map<String, Object> productContext,
                       Integer abVariants) {
        public static final int MAX_AB_VARIANTS = 25;

        public Plan(List<Phase> phases, List<AssetNode> assetNodes, Map<String, Object> productContext) {
            this(phases, assetNodes, productContext, 1);
        }

        public Plan {
            abVariants = abVariants == null ? 1 : abVariants;
            requireAbVariants(abVariants);
            phases = List.copyOf(phases);
            assetNodes = List.copyOf(assetNodes);
            productContext = productContext == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(productContext));
        }

        public Plan withNodes(List<AssetNode> newNodes) {
            return new Plan(phases, newNodes, productContext, abVariants);
        }

        static void requireAbVariants(int abVariants) {
            if (abVariants < 1 || abVariants > MAX_AB_VARIANTS) {
                throw new IllegalArgumentException("ab_variants is 1 to " + MAX_AB_VARIANTS + ", not " + abVariants);
            }
        }
    }

    public record Schedule(LocalDate startDate, LocalDate launchDate) {
    }

    /**
     * When the campaign was created and last changed, its optimistic-locking counter (starting at 1) and the kept
     * history of user edits.
     */
    public record Revision(Instant createdAt, Instant updatedAt, long version, List<CampaignChange> changes) {
        public Revision {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }

        public static Revision first(Instant now) {
            return new Revision(now, now, 1, List.of());
        }

        /** The next version, changed at {@code now}, with the given history. */
        public Revision next(Instant now, List<CampaignChange> newChanges) {
            return new Revision(createdAt, now, version + 1, newChanges);
        }
    }

    /** A new {@code draft} campaign at version 1. */
    public static Campaign drafted(String campaignId, String userId, Brief brief, Plan plan, Schedule schedule,
                                   Instant now) {
        return new Campaign(campaignId, userId, brief, plan, CampaignStatus.DRAFT, schedule, Revision.first(now));
    }

    public Campaign withOwner(String owner) {
        return new Campaign(campaignId, owner, brief, plan, status, schedule, revision);
    }

    /** The same campaign with other nodes (same version and status: derive and store through {@link NodeLifecycle}). */
    public Campaign withNodes(List<AssetNode> newNodes) {
        return withPlan(plan.withNodes(newNodes));
    }

    public Campaign withPlan(Plan newPlan) {
        return new Campaign(campaignId, userId, brief, newPlan, status, schedule, revision);
    }

    public Campaign withBrief(Brief newBrief) {
        return new Campaign(campaignId, userId, newBrief, plan, status, schedule, revision);
    }

    public Campaign withSchedule(Schedule newSchedule) {
        return new Campaign(campaignId, userId, brief, plan, status, newSchedule, revision);
    }

    /** The same campaign with another status (same version: store it with {@link CampaignRepository#update}). */
    public Campaign withStatus(CampaignStatus newStatus) {
        return new Campaign(campaignId, userId, brief, plan, newStatus, schedule, revision);
    }

    /** This campaign as its next version, changed at {@code now}, keeping its history of edits. */
    public Campaign revised(Instant now) {
        return revised(now, revision.changes());
    }

    /** This campaign as its next version, changed at {@code now}, with the given history of edits. */
    public Campaign revised(Instant now, List<CampaignChange> newChanges) {
        return new Campaign(campaignId, userId, brief, plan, status, schedule, revision.next(now, newChanges));
    }

    public String campaignName() {
        return brief.campaignName();
    }

    public Goal goal() {
        return brief.goal();
    }

    public String kpi() {
        return brief.kpi();
    }

    public List<Channel> channels() {
        return brief.channels();
    }

    public List<Phase> phases() {
        return plan.phases();
    }

    public List<AssetNode> assetNodes() {
        return plan.assetNodes();
    }

    public Map<String, Object> productContext() {
        return plan.productContext();
    }

    public int abVariants() {
        return plan.abVariants();
    }

    public LocalDate startDate() {
        return schedule.startDate();
    }

    public LocalDate launchDate() {
        return schedule.launchDate();
    }

    public Instant createdAt() {
        return revision.createdAt();
    }

    public Instant updatedAt() {
        return revision.updatedAt();
    }

    public long version() {
        return revision.version();
    }

    public List<CampaignChange> changes() {
        return revision.changes();
    }
}
