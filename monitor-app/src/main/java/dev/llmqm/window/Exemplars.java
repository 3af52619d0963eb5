package dev.llmqm.window;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per signal, the trace ids of at most {@link #MAX} events that best exhibit it: highest weight
 * first, trace id as tie-break. Deterministic and independent of the order of adds and merges.
 */
final class Exemplars {
  static final int MAX = 5;

  private final TreeMap<String, List<Entry>> bySignal = new TreeMap<>();

  private record Entry(double weight, String traceId) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = Double.compare(o.weight, weight);
      return c != 0 ? c : traceId.compareTo(o.traceId);
    }
  }

  void offer(String signal, double weight, String traceId) {
    if (traceId == null) {
      return;
    }
    List<Entry> list = bySignal.computeIfAbsent(signal, s -> new ArrayList<>(MAX + 1));
    Entry e = new Entry(weight, traceId);
    if (list.size() == MAX && e.compareTo(list.get(MAX - 1)) >= 0) {
      return;
    }
    for (Entry existing : list) {
      if (existing.traceId.equals(traceId)) {
        return;
      }
    }
    int i = 0;
    while (i < list.size() && list.get(i).compareTo(e) < 0) {
      i++;
    }
    list.add(i, e);
    if (list.size() > MAX) {
      list.remove(MAX);
    }
  }

  void merge(Exemplars other) {
    for (Map.Entry<String, List<Entry>> e : other.bySignal.entrySet()) {
      for (Entry x : e.getValue()) {
        offer(e.getKey(), x.weight, x.traceId);
      }
    }
  }

  Map<String, List<String>> asMap() {
    Map<String, List<String>> out = new TreeMap<>();
    bySignal.forEach((k, v) -> out.put(k, v.stream().map(Entry::traceId).toList()));
    return out;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeShort(bySignal.size());
    for (Map.Entry<String, List<Entry>> e : bySignal.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeByte(e.getValue().size());
      for (Entry x : e.getValue()) {
        out.writeDouble(x.weight);
        out.writeUTF(x.traceId);
      }
    }
  }

  static Exemplars read(DataInputStream in) throws IOException {
    Exemplars ex = new Exemplars();
    int signals = in.readShort();
    for (int i = 0; i < signals; i++) {
      String signal = in.readUTF();
      int n = in.readByte();
      List<Entry> list = new ArrayList<>(MAX + 1);
      for (int j = 0; j < n; j++) {
        list.add(new Entry(in.readDouble(), in.readUTF()));
      }
      ex.bySignal.put(signal, list);
    }
    return ex;
  }
}
