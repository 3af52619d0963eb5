package dev.llmqm.sampling;

/**
 * Estimates a population rate from a sample drawn with unequal inclusion probabilities: each
 * sampled event weighs 1 / p (Horvitz–Thompson weights, normalised as in the Hájek estimator),
 * reported with the sample size, the effective sample size (Σw)² / Σw², and a 95 % Wilson interval
 * computed on the effective sample size.
 */
public final class WeightedRateEstimator {
  private long n;
  private double sumW;
  private double sumW2;
  private double sumHit;

  /** One sampled event: whether it has the property, and its inclusion probability in (0, 1]. */
  public void add(boolean hit, double inclusionProbability) {
    if (!(inclusionProbability > 0 && inclusionProbability <= 1)) {
      throw new IllegalArgumentException("inclusion probability must be in (0, 1], was " + inclusionProbability);
    }
    double w = 1.0 / inclusionProbability;
    n++;
    sumW += w;
    sumW2 += w * w;
    if (hit) {
      sumHit += w;
    }
  }

  public Estimate estimate() {
    if (n == 0) {
      return new Estimate(Double.NaN, 0, 0, 0, 1);
    }
    double rate = sumHit / sumW;
    double nEff = sumW * sumW / sumW2;
    double z = 1.959963984540054;
    double z2 = z * z;
    double denom = 1 + z2 / nEff;
    double centre = (rate + z2 / (2 * nEff)) / denom;
    double half = z * Math.sqrt(rate * (1 - rate) / nEff + z2 / (4 * nEff * nEff)) / denom;
    return new Estimate(rate, n, nEff, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** A re-weighted rate with its sample size and 95 % interval. */
  public record Estimate(double rate, long sampleSize, double effectiveSampleSize, double lower, double upper) {}
}
