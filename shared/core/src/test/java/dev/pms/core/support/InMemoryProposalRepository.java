package dev.pms.core.support;

import dev.pms.core.error.VersionConflictException;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposal versions in memory with the port's rule: a new version must be exactly the current one + 1, and
 * {@link #appendAll} stores all or none. Counts the versions ever written, so tests can see that nothing is deleted.
 */
public final class InMemoryProposalRepository implements ProposalRepository {
    private final Map<String, List<Proposal>> versionsByKey = new LinkedHashMap<>();
    private int appendCalls;

    @Override
    public List<Proposal> currentFor(String userId, String campaignId) {
        String prefix = userId + "\u0000" + campaignId + "\u0000";
        List<Proposal> current = new ArrayList<>();
        versionsByKey.forEach((key, versions) -> {
            if (key.startsWith(prefix)) {
                current.add(versions.get(versions.size() - 1));
            }
        });
        return current;
    }

    @Override
    public Optional<Proposal> current(String userId, String campaignId, String assetId) {
        List<Proposal> versions = versionsByKey.get(key(userId, campaignId, assetId));
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public List<Proposal> versions(String userId, String campaignId, String assetId) {
        return List.copyOf(versionsByKey.getOrDefault(key(userId, campaignId, assetId), List.of()));
    }

    @Override
    public void append(String userId, Proposal proposal) {
        appendAll(userId, List.of(proposal));
    }

    @Override
    public void appendAll(String userId, List<Proposal> proposals) {
        Map<String, Long> expected = new HashMap<>();
        for (Proposal proposal : proposals) {
            String key = key(userId, proposal.campaignId(), proposal.assetId());
            long stored = expected.computeIfAbsent(key, k -> current(userId, proposal.campaignId(), proposal.assetId())
                    .map(Proposal::version).orElse(0L));
            if (proposal.version() != stored + 1) {
                throw new VersionConflictException("proposal " + proposal.assetId() + " is at version " + stored
                        + "; cannot append version " + proposal.version());
            }
            expected.put(key, proposal.version());
        }
        for (Proposal proposal : proposals) {
            versionsByKey.computeIfAbsent(key(userId, proposal.campaignId(), proposal.assetId()), k -> new ArrayList<>())
                    .add(proposal);
        }
        appendCalls++;
    }

    /** How many versions are stored in all (a deletion would lower it). */
    public int storedVersions() {
        return versionsByKey.values().stream().mapToInt(List::size).sum();
    }

    public int appendCalls() {
        return appendCalls;
    }

    private static String key(String userId, String campaignId, String assetId) {
        return userId + "\u0000" + campaignId + "\u0000" + assetId;
    }
}
