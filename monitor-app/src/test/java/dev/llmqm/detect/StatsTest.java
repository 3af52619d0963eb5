package dev.llmqm.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void twoProportionZMatchesHandComputation() {
    // p1 = 30/200 = 0.15, p2 = 100/1000 = 0.10, pooled = 130/1200
    double p = 130.0 / 1200;
    double expected = (0.15 - 0.10) / Math.sqrt(p * (1 - p) * (1.0 / 200 + 1.0 / 1000));
    assertThat(Stats.twoProportionZ(30, 200, 100, 1000)).isCloseTo(expected, within(1e-12));
    assertThat(expected).isCloseTo(2.07688, within(1e-4));
  }

  @Test
  void largeCountsUseTheNormalUpperTail() {
    Stats.Test t = Stats.proportionGreater(30, 200, 100, 1000, 5);
    assertThat(t.pValue()).isCloseTo(Stats.upperTail(t.statistic()), within(1e-15));
    assertThat(t.pValue()).isCloseTo(0.018906, within(1e-5));
  }

  @Test
  void upperTailOfKnownQuantiles() {
    assertThat(Stats.upperTail(0)).isCloseTo(0.5, within(1e-15));
    assertThat(Stats.upperTail(1.959963985)).isCloseTo(0.025, within(1e-9));
    assertThat(Stats.upperTail(10)).isCloseTo(7.619853e-24, within(1e-29));
  }

  @Test
  void fisherExactMatchesHypergeometricByHand() {
    // 1 success among 10 current and 0 among 450 reference: P(X >= 1) = 10/460.
    assertThat(Stats.fisherGreater(1, 10, 0, 450)).isCloseTo(10.0 / 460, within(1e-12));
    // 2x2 table [[3,1],[1,3]]: P(X >= 3) = (C(4,3)C(4,1) + C(4,4)C(4,0)) / C(8,4) = 17/70.
    assertThat(Stats.fisherGreater(3, 4, 1, 4)).isCloseTo(17.0 / 70, within(1e-12));
    assertThat(Stats.fisherGreater(0, 4, 4, 4)).isEqualTo(1.0);
  }

  @Test
  void smallCountsSwitchToTheExactTest() {
    Stats.Test t = Stats.proportionGreater(1, 10, 0, 450, 5);
    assertThat(t.pValue()).isCloseTo(10.0 / 460, within(1e-12));
    assertThat(Stats.upperTail(t.statistic())).isLessThan(1e-6); // the z test would be far off
  }

  @Test
  void meanShiftIsOneSided() {
    Stats.Test up = Stats.meanShift(1.2, 100, 1.0, 100, 1.0, true);
    assertThat(up.statistic()).isCloseTo(0.2 / Math.sqrt(0.02), within(1e-12));
    Stats.Test down = Stats.meanShift(0.8, 100, 1.0, 100, 1.0, false);
    assertThat(down.statistic()).isCloseTo(0.2 / Math.sqrt(0.02), within(1e-12));
  }

  @Test
  void studentTailOfKnownQuantiles() {
    assertThat(Stats.studentUpperTail(2.228139, 10)).isCloseTo(0.025, within(1e-6));
    assertThat(Stats.studentUpperTail(0, 7)).isCloseTo(0.5, within(1e-12));
    assertThat(Stats.studentUpperTail(-1.812461, 10)).isCloseTo(0.95, within(1e-6));
    Stats.Test t = Stats.meanShift(1.2, 100, 1.0, 100, 1.0, true, 10);
    assertThat(t.pValue()).isGreaterThan(Stats.upperTail(t.statistic()));
  }

  @Test
  void sigmaFromPaneDispersion() {
    // three panes of 4 events with means 1, 2, 3: Σ n (m - 2)^2 = 8, /(P-1) = 4 → σ = 2.
    double q = 4 * 1 + 4 * 4 + 4 * 9; // Σ s²/n
    assertThat(Stats.sigmaFromPanes(3, 12, 24, q)).isCloseTo(2.0, within(1e-12));
    assertThat(Stats.sigmaFromPanes(2, 8, 10, 14)).isNaN();
  }

  @Test
  void psiAndJensenShannonOfIdenticalShapesAreZero() {
    long[] a = {0, 5, 10, 20, 5, 0};
    long[] b = {0, 50, 100, 200, 50, 0};
    assertThat(Stats.psi(a, b)).isCloseTo(0.0, within(1e-12));
    assertThat(Stats.jensenShannon(a, b)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void psiAndJensenShannonOfKnownHistograms() {
    long[] a = {50, 50};
    long[] b = {90, 10};
    double psi = (0.5 - 0.9) * Math.log(0.5 / 0.9) + (0.5 - 0.1) * Math.log(0.5 / 0.1);
    assertThat(Stats.psi(a, b)).isCloseTo(psi, within(1e-12));
    assertThat(Stats.jensenShannon(new long[] {1, 0}, new long[] {0, 1})).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void quantileFromHistogramInterpolatesInsideTheBin() {
    long[] h = LatencyBins.empty();
    int bin = LatencyBins.binOf(1000);
    h[bin] = 100;
    double p95 = Stats.quantile(h, 0.95);
    assertThat(p95).isBetween(LatencyBins.lowerBound(bin), LatencyBins.BOUNDS_MS[bin]);
    assertThat(Stats.quantileBin(h, 0.95)).isEqualTo(bin);
    assertThat(Stats.quantile(LatencyBins.empty(), 0.5)).isNaN();
  }

  @Test
  void latencyBinsAreLogSpacedFrom10msTo300s() {
    assertThat(LatencyBins.BOUNDS_MS).hasSize(30);
    assertThat(LatencyBins.BOUNDS_MS[0]).isEqualTo(10.0);
    assertThat(LatencyBins.BOUNDS_MS[28]).isEqualTo(300_000.0);
    assertThat(LatencyBins.BOUNDS_MS[29]).isInfinite();
    assertThat(LatencyBins.binOf(5)).isZero();
    assertThat(LatencyBins.binOf(10)).isZero();
    assertThat(LatencyBins.binOf(10.01)).isEqualTo(1);
    assertThat(LatencyBins.binOf(1e9)).isEqualTo(29);
    for (int i = 1; i < 29; i++) {
      assertThat(LatencyBins.BOUNDS_MS[i] / LatencyBins.BOUNDS_MS[i - 1]).isCloseTo(Math.pow(30000, 1.0 / 28), within(1e-9));
    }
  }

  @Test
  void benjaminiHochbergCut() {
    double[] p = {0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216};
    // i/m*q with q = 0.05: 0.005, 0.01, 0.015, ... → p(2)=0.008 <= 0.01 is the last passing.
    assertThat(Stats.benjaminiHochbergCut(p, 0.05)).isEqualTo(0.008);
    assertThat(Stats.benjaminiHochbergCut(new double[] {0.5, 0.9}, 0.05)).isZero();
  }

  @Test
  void cusumAccumulatesAndClips() {
    double s = 0;
    s = Stats.cusumStep(s, 2.0, 0.5, 4);
    assertThat(s).isEqualTo(1.5);
    s = Stats.cusumStep(s, 100, 0.5, 4);
    assertThat(s).isEqualTo(5.0);
    s = Stats.cusumStep(s, -10, 0.5, 4);
    assertThat(s).isEqualTo(0.5);
    assertThat(Stats.cusumStep(0.5, -1, 0.5, 4)).isZero();
  }
}
