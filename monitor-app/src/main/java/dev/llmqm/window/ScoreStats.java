package dev.llmqm.window;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Count, sum and a 10-bin histogram over [0, 1] of a score. Values outside [0, 1] are clamped,
 * NaN is ignored. Bin {@code i} holds [i/10, (i+1)/10), the last bin also holds 1.0. Mutable; not
 * thread-safe.
 */
public final class ScoreStats {

  /** Number of histogram bins. */
  public static final int BINS = 10;

  private long count;
  private double sum;
  private final long[] histogram = new long[BINS];

  public void add(double v) {
    if (Double.isNaN(v)) {
      return;
    }
    double x = v < 0 ? 0 : (v > 1 ? 1 : v);
    int bin = (int) (x * BINS);
    histogram[bin >= BINS ? BINS - 1 : bin]++;
    count++;
    sum += x;
  }

  public void merge(ScoreStats other) {
    count += other.count;
    sum += other.sum;
    for (int i = 0; i < BINS; i++) {
      histogram[i] += other.histogram[i];
    }
  }

  public long count() {
    return count;
  }

  public double sum() {
    return sum;
  }

  /** Mean of the added values, NaN when empty. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /** A copy of the bin counts. */
  public long[] histogram() {
    return histogram.clone();
  }

  void write(DataOutput out) throws IOException {
    out.writeLong(count);
    out.writeDouble(sum);
    for (long h : histogram) {
      out.writeLong(h);
    }
  }

  static ScoreStats read(DataInput in) throws IOException {
    ScoreStats s = new ScoreStats();
    s.count = in.readLong();
    s.sum = in.readDouble();
    for (int i = 0; i < BINS; i++) {
      s.histogram[i] = in.readLong();
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreStats s
        && s.count == count
        && Double.compare(s.sum, sum) == 0
        && Arrays.equals(s.histogram, histogram);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Arrays.hashCode(histogram);
  }

  @Override
  public String toString() {
    return "ScoreStats{count=" + count + ", mean=" + mean() + ", histogram="
        + Arrays.toString(histogram) + "}";
  }
}
