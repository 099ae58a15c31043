package dev.pms.core.brand;

import java.util.List;

/**
 * Port: how close a piece of copy is to the brand's own statements (voice, vocabulary, differentiators), from 0 (not
 * at all) to 1 (the brand speaking).
 */
public interface BrandConsistencyScorer {

    /** Scores nothing; for functions and tests that do not score. */
    BrandConsistencyScorer NONE = new BrandConsistencyScorer() {
        @Override
        public double score(String copy, List<String> brandStatements) {
            return Double.NaN;
        }
    };

    /** @return a score from 0 to 1, or NaN when there is nothing to compare */
    double score(String copy, List<String> brandStatements);

    /** Loads what scoring needs, so that the first real score does not pay for it (before a SnapStart snapshot). */
    default void prime() {
    }
}
