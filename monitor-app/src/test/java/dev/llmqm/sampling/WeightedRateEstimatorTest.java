package dev.llmqm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightedRateEstimatorTest {

  @Test
  void shouldBeEmptyWithoutSamples() {
    WeightedRateEstimator.Estimate e = new WeightedRateEstimator().estimate();
    assertThat(e.rate()).isNaN();
    assertThat(e.sampleSize()).isZero();
    assertThat(e.lower()).isZero();
    assertThat(e.upper()).isEqualTo(1);
  }

  @Test
  void shouldReduceToTheWilsonIntervalWithEqualWeights() {
    WeightedRateEstimator est = new WeightedRateEstimator();
    for (int i = 0; i < 100; i++) {
      est.add(i < 20, 0.1);
    }
    WeightedRateEstimator.Estimate e = est.estimate();
    assertThat(e.rate()).isCloseTo(0.2, within(1e-12));
    assertThat(e.sampleSize()).isEqualTo(100);
    assertThat(e.effectiveSampleSize()).isCloseTo(100, within(1e-9));
    // Wilson 95 % for 20/100
    assertThat(e.lower()).isCloseTo(0.1333, within(1e-4));
    assertThat(e.upper()).isCloseTo(0.2888, within(1e-4));
    assertThat(est.weightedCount()).isCloseTo(1000, within(1e-9));
  }

  @Test
  void shouldGiveANonDegenerateIntervalWhenNoHitWasSeen() {
    WeightedRateEstimator est = new WeightedRateEstimator();
    for (int i = 0; i < 50; i++) {
      est.add(false, 0.5);
    }
    WeightedRateEstimator.Estimate e = est.estimate();
    assertThat(e.rate()).isZero();
    assertThat(e.lower()).isZero();
    assertThat(e.upper()).isBetween(0.05, 0.1);
  }

  @Test
  void shouldRejectInvalidProbabilities() {
    WeightedRateEstimator est = new WeightedRateEstimator();
    assertThatThrownBy(() -> est.add(true, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> est.add(true, 1.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> est.add(true, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldMergeLikeOneEstimator() {
    WeightedRateEstimator a = new WeightedRateEstimator();
    WeightedRateEstimator b = new WeightedRateEstimator();
    WeightedRateEstimator all = new WeightedRateEstimator();
    Random rnd = new Random(9);
    for (int i = 0; i < 1000; i++) {
      boolean hit = rnd.nextDouble() < 0.3;
      double p = rnd.nextBoolean() ? 1 : 0.2;
      (i % 2 == 0 ? a : b).add(hit, p);
      all.add(hit, p);
    }
    a.merge(b);
    assertThat(a.estimate().rate()).isCloseTo(all.estimate().rate(), within(1e-12));
    assertThat(a.estimate().upper()).isCloseTo(all.estimate().upper(), within(1e-12));
  }

  /**
   * A synthetic population where errors are force-kept (p = 1) and are much more often "hits"
   * than ordinary events, which are sampled at 5 %: the unweighted sample share is badly biased,
   * the re-weighted estimate is not, and its 95 % interval covers the truth about 95 % of the time.
   */
  @Test
  void shouldEstimateWithoutBiasAndCoverTheTruth() {
    Random rnd = new Random(20261123);
    int populationSize = 20_000;
    boolean[] error = new boolean[populationSize];
    boolean[] hit = new boolean[populationSize];
    int hits = 0;
    for (int i = 0; i < populationSize; i++) {
      error[i] = rnd.nextDouble() < 0.05;
      hit[i] = rnd.nextDouble() < (error[i] ? 0.6 : 0.04);
      hits += hit[i] ? 1 : 0;
    }
    double truth = hits / (double) populationSize;

    int trials = 400;
    int covered = 0;
    double sumEstimates = 0;
    double sumNaive = 0;
    for (int t = 0; t < trials; t++) {
      WeightedRateEstimator est = new WeightedRateEstimator();
      int sampled = 0;
      int sampledHits = 0;
      for (int i = 0; i < populationSize; i++) {
        double p = error[i] ? 1.0 : 0.05;
        if (rnd.nextDouble() < p) {
          est.add(hit[i], p);
          sampled++;
          sampledHits += hit[i] ? 1 : 0;
        }
      }
      WeightedRateEstimator.Estimate e = est.estimate();
      sumEstimates += e.rate();
      sumNaive += sampledHits / (double) sampled;
      if (e.lower() <= truth && truth <= e.upper()) {
        covered++;
      }
      assertThat(e.effectiveSampleSize()).isLessThan(e.sampleSize());
    }
    double meanEstimate = sumEstimates / trials;
    assertThat(meanEstimate).isCloseTo(truth, within(truth * 0.02));
    assertThat(sumNaive / trials).isGreaterThan(truth * 3);
    assertThat(covered / (double) trials).isBetween(0.92, 0.99);
  }
}
