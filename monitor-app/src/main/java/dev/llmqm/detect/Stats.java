package dev.llmqm.detect;

import java.util.Arrays;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** The statistical tests used by the detector: pure functions, unit-tested against known values. */
public final class Stats {
  private Stats() {}

  /** Result of a one-sided test: a z score (or NaN for exact tests) and its p-value. */
  public record Test(double statistic, double pValue) {
    static final Test NONE = new Test(0.0, 1.0);
  }

  /** P(Z > z) for a standard normal Z, accurate in the far tail. */
  public static double upperTail(double z) {
    return 0.5 * Erf.erfc(z / Math.sqrt(2.0));
  }

  /**
   * Pooled two-proportion z statistic for H1: p1 > p2, where p1 = x1/n1 is the current share and
   * p2 = x2/n2 the reference. Returns 0 when the pooled share is 0 or 1.
   */
  public static double twoProportionZ(long x1, long n1, long x2, long n2) {
    if (n1 <= 0 || n2 <= 0) {
      return 0.0;
    }
    double p = (double) (x1 + x2) / (n1 + n2);
    if (p <= 0 || p >= 1) {
      return 0.0;
    }
    double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    return ((double) x1 / n1 - (double) x2 / n2) / se;
  }

  /**
   * One-sided test that the current proportion x1/n1 exceeds the reference x2/n2: the pooled z
   * test, or Fisher's exact test (hypergeometric upper tail) when any expected cell count is below
   * {@code minExpected}. The statistic is always the z score (for reporting).
   */
  public static Test proportionGreater(long x1, long n1, long x2, long n2, double minExpected) {
    if (n1 <= 0 || n2 <= 0) {
      return Test.NONE;
    }
    double z = twoProportionZ(x1, n1, x2, n2);
    long k = x1 + x2;
    long n = n1 + n2;
    double p = (double) k / n;
    double minCell = Math.min(Math.min(n1 * p, n1 * (1 - p)), Math.min(n2 * p, n2 * (1 - p)));
    if (minCell < minExpected) {
      return new Test(z, fisherGreater(x1, n1, x2, n2));
    }
    return new Test(z, upperTail(z));
  }

  /**
   * One-sided Fisher exact p-value P(X >= x1) where X is hypergeometric: x1+x2 successes among
   * n1+n2 items, n1 of them drawn as the current sample.
   */
  public static double fisherGreater(long x1, long n1, long x2, long n2) {
    long total = n1 + n2;
    long succ = x1 + x2;
    long hi = Math.min(succ, n1);
    long lo = Math.max(0, n1 - (total - succ));
    if (x1 <= lo) {
      return 1.0;
    }
    if (x1 > hi) {
      return 0.0;
    }
    double logPmf =
        logChoose(succ, x1) + logChoose(total - succ, n1 - x1) - logChoose(total, n1);
    double term = Math.exp(logPmf);
    double sum = 0;
    for (long k = x1; k <= hi; k++) {
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
      // pmf(k+1)/pmf(k)
      term *= (double) (succ - k) * (n1 - k) / ((double) (k + 1) * (total - succ - n1 + k + 1));
    }
    return Math.min(1.0, sum);
  }

  static double logChoose(long n, long k) {
    return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
  }

  /**
   * One-sided z test on a difference of means: H1 mean1 > mean0 (pass {@code greater = false} for
   * H1 mean1 < mean0), with a common per-event standard deviation sigma.
   */
  public static Test meanShift(
      double mean1, long n1, double mean0, long n0, double sigma, boolean greater) {
    return meanShift(mean1, n1, mean0, n0, sigma, greater, Double.POSITIVE_INFINITY);
  }

  /**
   * As {@link #meanShift(double, long, double, long, double, boolean)} when sigma is itself an
   * estimate with {@code df} degrees of freedom: the p-value comes from Student's t with df
   * degrees of freedom (the normal when df is infinite).
   */
  public static Test meanShift(
      double mean1, long n1, double mean0, long n0, double sigma, boolean greater, double df) {
    if (n1 <= 0 || n0 <= 0 || !(sigma > 0)) {
      return Test.NONE;
    }
    double z = (mean1 - mean0) / (sigma * Math.sqrt(1.0 / n1 + 1.0 / n0));
    if (!greater) {
      z = -z;
    }
    return new Test(z, Double.isInfinite(df) ? upperTail(z) : studentUpperTail(z, df));
  }

  /** P(T > t) for Student's t with df degrees of freedom. */
  public static double studentUpperTail(double t, double df) {
    if (!(df > 0)) {
      return t > 0 ? 0.0 : 1.0;
    }
    double x = df / (df + t * t);
    double tail = 0.5 * Beta.regularizedBeta(x, df / 2.0, 0.5);
    return t > 0 ? tail : 1.0 - tail;
  }

  /**
   * Per-event standard deviation estimated from the dispersion of pane means: with pane sizes n_i,
   * sums s_i, N = Σn_i, S = Σs_i, Q = Σ s_i²/n_i over P panes, Σ n_i (m_i − μ)² = Q − S²/N has
   * expectation (P − 1)σ² for i.i.d. events. Returns NaN when P < 3.
   */
  public static double sigmaFromPanes(double panes, double n, double sum, double sumSqOverN) {
    if (panes < 3 || n <= panes) {
      return Double.NaN;
    }
    double ss = sumSqOverN - sum * sum / n;
    return Math.sqrt(Math.max(ss, 0.0) / (panes - 1));
  }

  private static final double EPS = 1e-4;

  /**
   * Population stability index Σ (c_i − b_i) ln(c_i / b_i) of two count histograms over the same
   * bins, with shares floored at 1e-4. 0 for identical shapes; undefined (0) if either is empty.
   */
  public static double psi(long[] current, long[] baseline) {
    long nc = sum(current);
    long nb = sum(baseline);
    if (nc == 0 || nb == 0) {
      return 0.0;
    }
    double psi = 0;
    for (int i = 0; i < current.length; i++) {
      double c = Math.max((double) current[i] / nc, EPS);
      double b = Math.max((double) baseline[i] / nb, EPS);
      psi += (c - b) * Math.log(c / b);
    }
    return psi;
  }

  /** Jensen–Shannon divergence (base 2, in [0, 1]) of two count histograms. */
  public static double jensenShannon(long[] a, long[] b) {
    long na = sum(a);
    long nb = sum(b);
    if (na == 0 || nb == 0) {
      return 0.0;
    }
    double js = 0;
    for (int i = 0; i < a.length; i++) {
      double p = (double) a[i] / na;
      double q = (double) b[i] / nb;
      double m = (p + q) / 2;
      if (p > 0) js += 0.5 * p * Math.log(p / m);
      if (q > 0) js += 0.5 * q * Math.log(q / m);
    }
    return js / Math.log(2);
  }

  /**
   * The q-quantile of a histogram over {@link LatencyBins#BOUNDS_MS}, interpolated geometrically
   * inside the bin (linearly in the first bin); the overflow bin answers its lower bound. NaN if
   * empty.
   */
  public static double quantile(long[] hist, double q) {
    long n = sum(hist);
    if (n == 0) {
      return Double.NaN;
    }
    double target = q * n;
    long cum = 0;
    for (int i = 0; i < hist.length; i++) {
      if (hist[i] == 0) {
        continue;
      }
      if (cum + hist[i] >= target) {
        double frac = Math.max(0.0, Math.min(1.0, (target - cum) / hist[i]));
        double lo = LatencyBins.lowerBound(i);
        double up = LatencyBins.BOUNDS_MS[i];
        if (Double.isInfinite(up)) {
          return lo;
        }
        if (lo <= 0) {
          return up * frac;
        }
        return lo * Math.pow(up / lo, frac);
      }
      cum += hist[i];
    }
    return LatencyBins.lowerBound(hist.length - 1);
  }

  /** Index of the bin holding the q-quantile of a histogram (-1 if empty). */
  public static int quantileBin(long[] hist, double q) {
    long n = sum(hist);
    if (n == 0) {
      return -1;
    }
    double target = q * n;
    long cum = 0;
    for (int i = 0; i < hist.length; i++) {
      cum += hist[i];
      if (cum >= target && hist[i] > 0) {
        return i;
      }
    }
    return hist.length - 1;
  }

  /**
   * Benjamini–Hochberg: the largest p-value cut t such that p_(i) <= i/m * q; tests with p <= t are
   * discoveries. Returns 0 when nothing is significant (so p <= 0 is never true for p > 0).
   */
  public static double benjaminiHochbergCut(double[] pValues, double q) {
    int m = pValues.length;
    if (m == 0) {
      return 0.0;
    }
    double[] p = pValues.clone();
    Arrays.sort(p);
    double cut = 0.0;
    for (int i = 0; i < m; i++) {
      if (p[i] <= (i + 1) * q / m) {
        cut = p[i];
      }
    }
    return cut;
  }

  /** One CUSUM step: max(0, s + clip(z) − k). */
  public static double cusumStep(double s, double z, double k, double clip) {
    double zc = Math.max(-clip, Math.min(clip, z));
    return Math.max(0.0, s + zc - k);
  }

  static long sum(long[] h) {
    long s = 0;
    for (long v : h) {
      s += v;
    }
    return s;
  }
}
