package dev.llmqm.window;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Up to {@link #K} trace ids per signal: the ones with the highest rank value, ties broken by the
 * smaller trace id, each trace id at most once (with its best value). The kept set is exactly the
 * top K of all offered (value, trace id) pairs, so it does not depend on the order of offers or
 * merges. Mutable; not thread-safe.
 */
final class Exemplars {

  static final int K = 5;

  private final int signals;
  private final double[][] values;
  private final String[][] ids;
  private final int[] sizes;

  Exemplars(int signals) {
    this.signals = signals;
    this.values = new double[signals][];
    this.ids = new String[signals][];
    this.sizes = new int[signals];
  }

  /** Offers one trace for a signal; allocation-free unless it enters the top K. */
  void offer(int signal, double value, String traceId) {
    if (traceId == null || Double.isNaN(value)) {
      return;
    }
    int n = sizes[signal];
    String[] id = ids[signal];
    double[] val = values[signal];
    if (n == K && !better(value, traceId, val[K - 1], id[K - 1])) {
      return;
    }
    if (id == null) {
      id = ids[signal] = new String[K];
      val = values[signal] = new double[K];
    }
    for (int i = 0; i < n; i++) {
      if (id[i].equals(traceId)) {
        if (!better(value, traceId, val[i], id[i])) {
          return;
        }
        System.arraycopy(id, i + 1, id, i, n - i - 1);
        System.arraycopy(val, i + 1, val, i, n - i - 1);
        n--;
        break;
      }
    }
    int pos = n;
    while (pos > 0 && better(value, traceId, val[pos - 1], id[pos - 1])) {
      pos--;
    }
    if (pos >= K) {
      sizes[signal] = n;
      return;
    }
    int move = Math.min(n, K - 1) - pos;
    if (move > 0) {
      System.arraycopy(id, pos, id, pos + 1, move);
      System.arraycopy(val, pos, val, pos + 1, move);
    }
    id[pos] = traceId;
    val[pos] = value;
    sizes[signal] = Math.min(n + 1, K);
  }

  void merge(Exemplars o) {
    for (int s = 0; s < signals; s++) {
      for (int i = 0; i < o.sizes[s]; i++) {
        offer(s, o.values[s][i], o.ids[s][i]);
      }
    }
  }

  List<String> traceIds(int signal) {
    int n = sizes[signal];
    if (n == 0) {
      return List.of();
    }
    List<String> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(ids[signal][i]);
    }
    return Collections.unmodifiableList(l);
  }

  Map<String, List<String>> asMap(List<String> names) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int s = 0; s < signals; s++) {
      if (sizes[s] > 0) {
        m.put(names.get(s), traceIds(s));
      }
    }
    return Collections.unmodifiableMap(m);
  }

  void write(DataOutput out, List<String> names) throws IOException {
    int present = 0;
    for (int s = 0; s < signals; s++) {
      if (sizes[s] > 0) {
        present++;
      }
    }
    out.writeShort(present);
    for (int s = 0; s < signals; s++) {
      if (sizes[s] > 0) {
        out.writeUTF(names.get(s));
        out.writeByte(sizes[s]);
        for (int i = 0; i < sizes[s]; i++) {
          out.writeDouble(values[s][i]);
          out.writeUTF(ids[s][i]);
        }
      }
    }
  }

  /** Reads {@link #write}; signals unknown to this version are skipped. */
  void read(DataInput in, List<String> names) throws IOException {
    int present = in.readUnsignedShort();
    for (int p = 0; p < present; p++) {
      int s = names.indexOf(in.readUTF());
      int n = in.readUnsignedByte();
      for (int i = 0; i < n; i++) {
        double v = in.readDouble();
        String id = in.readUTF();
        if (s >= 0) {
          offer(s, v, id);
        }
      }
    }
  }

  private static boolean better(double v1, String id1, double v2, String id2) {
    return v1 > v2 || (v1 == v2 && id1.compareTo(id2) < 0);
  }
}
