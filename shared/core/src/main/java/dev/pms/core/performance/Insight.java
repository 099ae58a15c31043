package dev.pms.core.performance;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.pricing.QualityTier;

/**
 * A comparison that holds statistically, worded for people, with the experiment it suggests. {@code n} counts the
 * trials of both arms (impressions for CTR, clicks for CVR); {@code confidence} is 1 − p of the two-sided test.
 * {@code proposalAssetId} names the experiment node once the optimisation run has proposed it.
 */
public record Insight(String key, String text, String metric, double ratio, long n, long nWinner, long nLoser,
                      double confidence, double pValue, Channel winner, Channel loser, Experiment experiment,
                      String proposalAssetId) {

    /**
     * The next experiment: another asset like the winner's best one; {@code providerSwitch} says which model the
     * suggested tier moves to when the winner's generation cost per result says so (null when it stays).
     */
    public record Experiment(String title, Channel channel, AssetType assetType, String placement, String angle,
                             String hook, QualityTier tier, String providerSwitch) {
    }

    public Insight withProposal(String assetId) {
        return new Insight(key, text, metric, ratio, n, nWinner, nLoser, confidence, pValue, winner, loser, experiment,
                assetId);
    }
}
