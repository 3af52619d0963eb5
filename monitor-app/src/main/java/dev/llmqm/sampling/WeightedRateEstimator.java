package dev.llmqm.sampling;

/**
 * Estimates a rate (share of events with some property) from a weighted sample, each sampled
 * event weighted by the inverse of its inclusion probability (Horvitz–Thompson weights, in the
 * ratio form {@code Σ w·y / Σ w}, so the population size need not be known).
 *
 * <p>Interval: 95 % Wilson score interval around the estimate with the sample size replaced by
 * the design's effective size {@code r(1−r)/V}, where {@code V = Σ w²(y−r)² / (Σ w)²} is the
 * linearised variance of the ratio estimator (it accounts for unequal weights, including weights
 * that differ between hits and misses, such as force-kept errors). When the estimate is 0 or 1
 * ({@code V = 0}) Kish's effective sample size {@code (Σ w)² / Σ w²} is used instead. With equal
 * weights both reduce to the plain Wilson interval.
 *
 * <p>Mergeable (only sums are kept); not thread-safe.
 */
public final class WeightedRateEstimator {

  /** Two-sided 95 % normal quantile. */
  public static final double Z95 = 1.959963984540054;

  /**
   * @param rate re-weighted estimate, NaN when no sample
   * @param sampleSize sampled events
   * @param effectiveSampleSize Kish's effective sample size {@code (Σ w)² / Σ w²}
   * @param lower lower bound of the 95 % interval
   * @param upper upper bound of the 95 % interval
   */
  public record Estimate(
      double rate, long sampleSize, double effectiveSampleSize, double lower, double upper) {}

  private long n;
  private double sumW;
  private double sumWy;
  private double sumW2;
  private double sumW2y;

  /**
   * Adds one sampled event.
   *
   * @param hit whether the event has the property
   * @param inclusionProbability its inclusion probability, in (0, 1]
   */
  public void add(boolean hit, double inclusionProbability) {
    if (!(inclusionProbability > 0 && inclusionProbability <= 1)) {
      throw new IllegalArgumentException(
          "inclusion probability must be in (0, 1], got " + inclusionProbability);
    }
    double w = 1 / inclusionProbability;
    n++;
    sumW += w;
    sumW2 += w * w;
    if (hit) {
      sumWy += w;
      sumW2y += w * w;
    }
  }

  public void merge(WeightedRateEstimator o) {
    n += o.n;
    sumW += o.sumW;
    sumWy += o.sumWy;
    sumW2 += o.sumW2;
    sumW2y += o.sumW2y;
  }

  /** Estimated population size behind the sample: Σ w. */
  public double weightedCount() {
    return sumW;
  }

  public Estimate estimate() {
    if (n == 0) {
      return new Estimate(Double.NaN, 0, 0, 0, 1);
    }
    double r = sumWy / sumW;
    if (r > 1) {
      r = 1;
    }
    double kish = sumW * sumW / sumW2;
    // Σ w²(y − r)² with y ∈ {0, 1}: Σw²y·(1 − 2r) + r²·Σw²
    double num = sumW2y * (1 - 2 * r) + r * r * sumW2;
    double variance = Math.max(0, num) / (sumW * sumW);
    double nStar = (variance > 0 && r > 0 && r < 1) ? r * (1 - r) / variance : kish;
    double[] ci = wilson(r, nStar, Z95);
    return new Estimate(r, n, kish, ci[0], ci[1]);
  }

  /** Wilson score interval for proportion {@code p} with (possibly fractional) sample size n. */
  static double[] wilson(double p, double n, double z) {
    double z2 = z * z;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    double lower = p <= 0 ? 0 : Math.max(0, centre - half);
    double upper = p >= 1 ? 1 : Math.min(1, centre + half);
    return new double[] {lower, upper};
  }
}
