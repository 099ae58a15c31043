package dev.pms.core.performance;

/**
 * Two-proportion z-test with a pooled standard error, two-sided. A comparison is only decided when both arms reach a
 * minimum sample (trials and successes, so that the normal approximation holds and a handful of impressions never
 * makes a card). Pure functions.
 */
public final class ProportionTest {
    /** Each arm needs at least 1,000 trials and 30 successes (np ≥ 30 keeps the normal approximation sound). */
    public static final MinimumSample DEFAULT_MINIMUM = new MinimumSample(1_000, 30);
    public static final double DEFAULT_ALPHA = 0.05;

    public record MinimumSample(long trials, long successes) {
    }

    public enum Decision { NOT_ENOUGH_DATA, NO_DIFFERENCE, A_HIGHER, B_HIGHER }

    /** {@code ratio} is the higher rate over the lower one (infinite when the lower is 0). */
    public record Result(Decision decision, double rateA, double rateB, double z, double pValue, double ratio) {
    }

    private ProportionTest() {
    }

    public static Result compare(long successesA, long trialsA, long successesB, long trialsB, MinimumSample minimum,
                                 double alpha) {
        if (successesA < 0 || successesB < 0 || successesA > trialsA || successesB > trialsB) {
            throw new IllegalArgumentException("successes must be between 0 and the trials");
        }
        double rateA = trialsA == 0 ? 0 : (double) successesA / trialsA;
        double rateB = trialsB == 0 ? 0 : (double) successesB / trialsB;
        double low = Math.min(rateA, rateB);
        double ratio = low == 0 ? Double.POSITIVE_INFINITY : Math.max(rateA, rateB) / low;
        if (trialsA < minimum.trials() || trialsB < minimum.trials()
                || successesA < minimum.successes() || successesB < minimum.successes()) {
            return new Result(Decision.NOT_ENOUGH_DATA, rateA, rateB, Double.NaN, Double.NaN, ratio);
        }
        double pooled = (double) (successesA + successesB) / (trialsA + trialsB);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB));
        double z = standardError == 0 ? 0 : (rateA - rateB) / standardError;
        double pValue = 2 * (1 - normalCdf(Math.abs(z)));
        Decision decision = pValue >= alpha ? Decision.NO_DIFFERENCE : z > 0 ? Decision.A_HIGHER : Decision.B_HIGHER;
        return new Result(decision, rateA, rateB, z, pValue, ratio);
    }

    /** Standard normal CDF via erf (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7). */
    static double normalCdf(double x) {
        return 0.5 * (1 + erf(x / Math.sqrt(2)));
    }

    static double erf(double x) {
        double sign = Math.signum(x);
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return sign * (1 - polynomial * Math.exp(-x * x));
    }
}
