package dev.llmqm.window;

import java.util.Arrays;

/** Count, sum and a 10-bin histogram over [0, 1] of a score. Mergeable. */
public final class ScoreStats {
  public static final int BINS = 10;

  private long count;
  private double sum;
  private final long[] histogram = new long[BINS];

  public void add(double score) {
    double v = Math.max(0.0, Math.min(1.0, score));
    count++;
    sum += v;
    histogram[Math.min(BINS - 1, (int) (v * BINS))]++;
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

  /** NaN when empty. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /** Counts per bin: bin i holds scores in [i/10, (i+1)/10), the last also 1.0. */
  public long[] histogram() {
    return histogram.clone();
  }

  void write(java.io.DataOutputStream out) throws java.io.IOException {
    out.writeLong(count);
    out.writeDouble(sum);
    for (long h : histogram) {
      out.writeLong(h);
    }
  }

  static ScoreStats read(java.io.DataInputStream in) throws java.io.IOException {
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
    return o instanceof ScoreStats s && s.count == count && Double.compare(s.sum, sum) == 0
        && Arrays.equals(s.histogram, histogram);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Arrays.hashCode(histogram);
  }
}
