package dev.pms.core.support;

import dev.pms.core.error.VersionConflictException;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;

import dev.pms.core.common.Page;

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

    /** Tokens are plain offsets: this fake trusts its callers, the DynamoDB adapter does not. */
    @Override
    public Page<Proposal> versions(String userId, String campaignId, String assetId, int limit, String nextToken) {
        List<Proposal> all = versionsByKey.getOrDefault(key(userId, campaignId, assetId), List.of());
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
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
            List<Proposal> versions = versionsByKey.computeIfAbsent(key(userId, proposal.campaignId(),
                    proposal.assetId()), k -> new ArrayList<>());
            versions.add(proposal);
            if (versions.size() > VERSIONS_KEPT) {
                versions.remove(0);
            }
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
