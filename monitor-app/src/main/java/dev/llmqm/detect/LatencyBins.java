package dev.llmqm.detect;

/**
 * Fixed histogram bins for latency and time-to-first-token, shared by the pane aggregate and the
 * detector. 29 finite upper bounds spaced logarithmically from 10 ms to 300 s (about 44 % apart),
 * then a last bin with an infinite upper bound: 30 bins in all. A value v falls in the first bin i
 * with {@code v <= BOUNDS_MS[i]}.
 */
public final class LatencyBins {
  private LatencyBins() {}

  /** Number of bins, including the final overflow bin. */
  public static final int COUNT = 30;

  /** Inclusive upper bound of each bin in milliseconds; the last is {@code +Infinity}. */
  public static final double[] BOUNDS_MS = bounds();

  private static double[] bounds() {
    double[] b = new double[COUNT];
    double lo = Math.log(10.0);
    double hi = Math.log(300_000.0);
    for (int i = 0; i < COUNT - 1; i++) {
      b[i] = Math.exp(lo + (hi - lo) * i / (COUNT - 2));
    }
    b[0] = 10.0;
    b[COUNT - 2] = 300_000.0;
    b[COUNT - 1] = Double.POSITIVE_INFINITY;
    return b;
  }

  /** Bin index of a latency in milliseconds (negative and NaN values go to bin 0). */
  public static int binOf(double ms) {
    if (!(ms > BOUNDS_MS[0])) {
      return 0;
    }
    int lo = 1;
    int hi = COUNT - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ms <= BOUNDS_MS[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Lower bound of bin i in milliseconds (0 for the first bin). */
  public static double lowerBound(int i) {
    return i == 0 ? 0.0 : BOUNDS_MS[i - 1];
  }

  /** A new, empty histogram. */
  public static long[] empty() {
    return new long[COUNT];
  }
}
