package dev.llmqm.window;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.Bin;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A DDSketch with one pinned configuration (1 % relative accuracy, logarithmic mapping,
 * collapsing-lowest dense store of at most 2048 bins), so that every pane merges with every other.
 * Percentiles are always read from merged sketches, never averaged.
 */
public final class LatencySketch {
  static final double RELATIVE_ACCURACY = 0.01;
  static final int MAX_BINS = 2048;

  private final DDSketch sketch;
  private double max = Double.NaN;

  public LatencySketch() {
    this(DDSketches.logarithmicCollapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS));
  }

  private LatencySketch(DDSketch sketch) {
    this.sketch = sketch;
  }

  public void add(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      return;
    }
    sketch.accept(value);
    max = Double.isNaN(max) ? value : Math.max(max, value);
  }

  public void merge(LatencySketch other) {
    if (other.sketch.isEmpty()) {
      return;
    }
    sketch.mergeWith(other.sketch);
    max = Double.isNaN(max) ? other.max : Math.max(max, other.max);
  }

  /** The value at quantile q in [0, 1]; NaN when empty. */
  public double quantile(double q) {
    return sketch.isEmpty() ? Double.NaN : sketch.getValueAtQuantile(q);
  }

  public long count() {
    return Math.round(sketch.getCount());
  }

  /** The exact maximum; NaN when empty. */
  public double max() {
    return max;
  }

  /**
   * Counts over fixed upper bounds: entry i counts values {@code <= bounds[i]} and above {@code
   * bounds[i-1]}; the last entry also takes values above the last bound. Each sketch bin is
   * attributed by its representative value.
   */
  public long[] histogram(double[] bounds) {
    long[] out = new long[bounds.length];
    IndexMapping mapping = sketch.getIndexMapping();
    double zeros = sketch.getCount() - sketch.getPositiveValueStore().getTotalCount();
    if (zeros > 0) {
      out[0] += Math.round(zeros);
    }
    Iterator<Bin> it = sketch.getPositiveValueStore().getAscendingIterator();
    int i = 0;
    while (it.hasNext()) {
      Bin bin = it.next();
      double v = mapping.value(bin.getIndex());
      while (i < bounds.length - 1 && v > bounds[i]) {
        i++;
      }
      out[i] += Math.round(bin.getCount());
    }
    return out;
  }

  public byte[] toBytes() {
    GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
    try {
      sketch.encode(out, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = out.trimmedCopy();
    byte[] bytes = new byte[body.length + 8];
    long bits = Double.doubleToLongBits(max);
    for (int k = 0; k < 8; k++) {
      bytes[k] = (byte) (bits >>> (56 - 8 * k));
    }
    System.arraycopy(body, 0, bytes, 8, body.length);
    return bytes;
  }

  public static LatencySketch fromBytes(byte[] bytes) {
    long bits = 0;
    for (int k = 0; k < 8; k++) {
      bits = (bits << 8) | (bytes[k] & 0xff);
    }
    try {
      LatencySketch s = new LatencySketch();
      s.sketch.decodeAndMergeWith(ByteArrayInput.wrap(bytes, 8, bytes.length - 8));
      s.max = Double.longBitsToDouble(bits);
      return s;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a latency sketch", e);
    }
  }

  static CollapsingLowestDenseStore store() {
    return new CollapsingLowestDenseStore(MAX_BINS);
  }
}
