package dev.pms.core.performance;

import org.junit.jupiter.api.Test;

import static dev.pms.core.performance.ProportionTest.DEFAULT_ALPHA;
import static dev.pms.core.performance.ProportionTest.DEFAULT_MINIMUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProportionStatisticsTest {

    @Test
    void aTextbookComparisonGivesItsKnownZAndPValue() {
        // 120 of 1,000 against 90 of 1,000: pooled p = 0.105, SE = 0.013710, z = 2.188, two-sided p = 0.0287
        ProportionTest.Result result = ProportionTest.compare(120, 1_000, 90, 1_000, DEFAULT_MINIMUM, DEFAULT_ALPHA);

        assertThat(result.z()).isCloseTo(2.188, within(0.001));
        assertThat(result.pValue()).isCloseTo(0.0287, within(0.0005));
        assertThat(result.decision()).isEqualTo(ProportionTest.Decision.A_HIGHER);
        assertThat(result.ratio()).isCloseTo(1.333, within(0.001));
        assertThat(ProportionTest.compare(120, 1_000, 90, 1_000, DEFAULT_MINIMUM, 0.01).decision())
                .isEqualTo(ProportionTest.Decision.NO_DIFFERENCE);
    }

    @Test
    void aClearDifferenceIsDecidedForTheHigherArmWhicheverSideItIs() {
        ProportionTest.Result result = ProportionTest.compare(150, 10_000, 300, 10_000, DEFAULT_MINIMUM, DEFAULT_ALPHA);

        assertThat(result.decision()).isEqualTo(ProportionTest.Decision.B_HIGHER);
        assertThat(result.z()).isCloseTo(-7.152, within(0.001));
        assertThat(result.pValue()).isLessThan(1e-6);
        assertThat(result.ratio()).isEqualTo(2.0);
    }

    @Test
    void nearlyEqualRatesAreNoDifference() {
        ProportionTest.Result result = ProportionTest.compare(100, 10_000, 95, 10_000, DEFAULT_MINIMUM, DEFAULT_ALPHA);

        assertThat(result.decision()).isEqualTo(ProportionTest.Decision.NO_DIFFERENCE);
        assertThat(result.pValue()).isGreaterThan(0.7);
    }

    @Test
    void aHandfulOfImpressionsIsNotEnoughDataHoweverLargeTheGap() {
        assertThat(ProportionTest.compare(5, 200, 1, 200, DEFAULT_MINIMUM, DEFAULT_ALPHA).decision())
                .isEqualTo(ProportionTest.Decision.NOT_ENOUGH_DATA);
        assertThat(ProportionTest.compare(29, 50_000, 300, 50_000, DEFAULT_MINIMUM, DEFAULT_ALPHA).decision())
                .as("29 successes in one arm are below the minimum of 30")
                .isEqualTo(ProportionTest.Decision.NOT_ENOUGH_DATA);
        assertThat(ProportionTest.compare(500, 999, 30, 5_000, DEFAULT_MINIMUM, DEFAULT_ALPHA).decision())
                .as("999 trials are below the minimum of 1,000")
                .isEqualTo(ProportionTest.Decision.NOT_ENOUGH_DATA);
    }

    @Test
    void theNormalCdfMatchesItsTable() {
        assertThat(ProportionTest.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(ProportionTest.normalCdf(1.96)).isCloseTo(0.975, within(1e-4));
        assertThat(ProportionTest.normalCdf(-1.645)).isCloseTo(0.05, within(1e-4));
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> ProportionTest.compare(11, 10, 1, 10, DEFAULT_MINIMUM, DEFAULT_ALPHA))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
