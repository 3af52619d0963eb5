package dev.llmqm.window;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * A mergeable relative-error quantile sketch of non-negative values (milliseconds), wrapping
 * DDSketch with one pinned configuration — logarithmic index mapping with 1 % relative accuracy
 * and a collapsing-lowest dense store of at most {@value #MAX_BINS} bins — so that every sketch
 * merges with every other. 2048 bins at 1 % cover a ratio of about e^40 between the largest and
 * smallest value before the lowest bins collapse. Negative values are recorded as 0. Exact count,
 * min, max and sum are kept beside the sketch; quantiles are clamped to [min, max].
 */
public final class LatencySketch {

  /** Relative accuracy of every quantile. */
  public static final double RELATIVE_ACCURACY = 0.01;

  /** Upper bound of dense-store bins per sketch. */
  public static final int MAX_BINS = 2048;

  private static final byte FORMAT_VERSION = 1;
  private static final IndexMapping MAPPING = new LogarithmicMapping(RELATIVE_ACCURACY);
  private static final Supplier<Store> STORE = () -> new CollapsingLowestDenseStore(MAX_BINS);

  private final DDSketch sketch;
  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double sum;

  public LatencySketch() {
    this(new DDSketch(MAPPING, STORE));
  }

  private LatencySketch(DDSketch sketch) {
    this.sketch = sketch;
  }

  /** Records one value; NaN is ignored, negative values count as 0. */
  public void add(double v) {
    if (Double.isNaN(v)) {
      return;
    }
    double x = v < 0 ? 0 : v;
    sketch.accept(x);
    count++;
    if (x < min) {
      min = x;
    }
    if (x > max) {
      max = x;
    }
    sum += x;
  }

  public void merge(LatencySketch o) {
    if (o.count == 0) {
      return;
    }
    sketch.mergeWith(o.sketch);
    count += o.count;
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
    sum += o.sum;
  }

  /** The value at quantile {@code q} in [0, 1] within 1 % relative error; NaN when empty. */
  public double quantile(double q) {
    if (q < 0 || q > 1 || Double.isNaN(q)) {
      throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
    }
    if (count == 0) {
      return Double.NaN;
    }
    double v = sketch.getValueAtQuantile(q);
    return v < min ? min : (v > max ? max : v);
  }

  public long count() {
    return count;
  }

  /** Exact largest value, NaN when empty. */
  public double max() {
    return count == 0 ? Double.NaN : max;
  }

  /** Exact smallest value, NaN when empty. */
  public double min() {
    return count == 0 ? Double.NaN : min;
  }

  /** Sum of the values (0 when empty). */
  public double sum() {
    return sum;
  }

  /** Mean, NaN when empty. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /**
   * Format version byte, count, min, max, sum (big-endian), then the DDSketch encoding without
   * its index mapping (the mapping is pinned by the format version).
   */
  /**
   * Counts over fixed upper bounds: entry i counts values in {@code (bounds[i-1], bounds[i]]}, the
   * first also values at or below 0, the last also values above the last bound. Each sketch bin is
   * attributed by its representative value (1 % relative error, like every quantile).
   */
  public long[] histogram(double[] bounds) {
    long[] out = new long[bounds.length];
    if (count == 0) {
      return out;
    }
    double inStores = sketch.getPositiveValueStore().getTotalCount();
    double zeros = sketch.getCount() - inStores;
    if (zeros > 0) {
      out[0] += Math.round(zeros);
    }
    java.util.Iterator<com.datadoghq.sketch.ddsketch.store.Bin> it = sketch.getPositiveValueStore().getAscendingIterator();
    int i = 0;
    while (it.hasNext()) {
      com.datadoghq.sketch.ddsketch.store.Bin bin = it.next();
      double v = MAPPING.value(bin.getIndex());
      while (i < bounds.length - 1 && v > bounds[i]) {
        i++;
      }
      out[i] += Math.round(bin.getCount());
    }
    return out;
  }

  public byte[] toBytes() {
    GrowingByteArrayOutput body = GrowingByteArrayOutput.withInitialCapacity(64);
    try {
      sketch.encode(body, true);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode sketch", e);
    }
    ByteBuffer buf = ByteBuffer.allocate(1 + 8 * 4 + body.numWrittenBytes());
    buf.put(FORMAT_VERSION).putLong(count).putDouble(min).putDouble(max).putDouble(sum);
    buf.put(body.backingArray(), 0, body.numWrittenBytes());
    return buf.array();
  }

  /** Decodes {@link #toBytes()}; throws {@link IllegalArgumentException} on malformed input. */
  public static LatencySketch fromBytes(byte[] b) {
    return fromBytes(b, 0, b.length);
  }

  static LatencySketch fromBytes(byte[] b, int offset, int length) {
    if (length < 33) {
      throw new IllegalArgumentException("latency sketch: truncated (" + length + " bytes)");
    }
    ByteBuffer buf = ByteBuffer.wrap(b, offset, length);
    byte version = buf.get();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException("latency sketch: unknown format version " + version);
    }
    long count = buf.getLong();
    double min = buf.getDouble();
    double max = buf.getDouble();
    double sum = buf.getDouble();
    DDSketch s;
    try {
      s = DDSketch.decode(ByteArrayInput.wrap(b, offset + 33, length - 33), STORE, MAPPING);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("latency sketch: malformed DDSketch encoding", e);
    }
    if (count < 0 || Math.abs(s.getCount() - count) > 0.5) {
      throw new IllegalArgumentException(
          "latency sketch: count " + count + " does not match sketch count " + s.getCount());
    }
    LatencySketch l = new LatencySketch(s);
    l.count = count;
    l.min = min;
    l.max = max;
    l.sum = sum;
    return l;
  }

  @Override
  public String toString() {
    return count == 0
        ? "LatencySketch{empty}"
        : "LatencySketch{count=" + count + ", p50=" + quantile(0.5) + ", p99=" + quantile(0.99)
            + ", max=" + max + "}";
  }
}
