package dev.llmqm.window;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The mergeable accumulator of one segment's pane: counts, safety flags, refusal mix, score
 * distributions, latency and TTFT sketches, usage and cost, and exemplar trace ids per signal.
 * {@link #add} and {@link #merge} are the only mutators; merge is associative and commutative.
 */
public final class PaneAggregate {
  private static final byte FORMAT_V1 = 1;
  /** Known finish reasons; anything else counts as {@code other} (bounded map). */
  static final java.util.Set<String> FINISH_REASONS = java.util.Set.of("stop", "length", "content_filter", "tool_call", "error");

  private long count;
  private long errors;
  private double weightedCount;
  private final TreeMap<String, Long> finishReasons = new TreeMap<>();
  private long piiEvents;
  private long injectionEvents;
  private long toxicEvents;
  private long redactionFailures;
  private final TreeMap<String, Long> refusals = new TreeMap<>();
  private ScoreStats groundedness = new ScoreStats();
  private ScoreStats relevance = new ScoreStats();
  private LatencySketch latencyMs = new LatencySketch();
  private LatencySketch ttftMs = new LatencySketch();
  private long inputTokens;
  private long outputTokens;
  private double costUsd;
  private long unpricedEvents;
  private Exemplars exemplars = new Exemplars();

  public static PaneAggregate empty() {
    return new PaneAggregate();
  }

  /** Adds one event; a missing {@code cost_usd} is priced from {@code prices}. */
  public void add(ScoredEvent e, PriceCatalog prices) {
    count++;
    weightedCount += e.producerSampleRate() > 0 ? 1.0 / e.producerSampleRate() : 1.0;
    String id = e.traceId();
    if (e.error()) {
      errors++;
      exemplars.offer("error_rate", 0, id);
    }
    for (String r : e.finishReasons()) {
      finishReasons.merge(FINISH_REASONS.contains(r) ? r : "other", 1L, Long::sum);
    }
    if (e.pii()) {
      piiEvents++;
      exemplars.offer("pii", 0, id);
    }
    if (e.injection()) {
      injectionEvents++;
      exemplars.offer("injection", 0, id);
    }
    if (e.toxic()) {
      toxicEvents++;
      exemplars.offer("toxicity", 0, id);
    }
    if (e.redactionFailure()) {
      redactionFailures++;
      exemplars.offer("redaction_failure", 0, id);
    }
    if (!e.error()) {
      String refusal = e.refusal() == null ? "none" : e.refusal();
      refusals.merge(refusal, 1L, Long::sum);
      if (!refusal.equals("none")) {
        exemplars.offer("refusal", refusal.equals("full") ? 1 : 0, id);
      }
      if (e.groundedness() != null) {
        groundedness.add(e.groundedness());
        exemplars.offer("groundedness", -e.groundedness(), id);
      }
      if (e.relevance() != null) {
        relevance.add(e.relevance());
        exemplars.offer("relevance", -e.relevance(), id);
      }
    }
    latencyMs.add(e.latencyMs());
    exemplars.offer("latency", e.latencyMs(), id);
    if (e.ttftMs() != null) {
      ttftMs.add(e.ttftMs());
      exemplars.offer("ttft", e.ttftMs(), id);
    }
    long in = e.inputTokens() == null ? 0 : e.inputTokens();
    long out = e.outputTokens() == null ? 0 : e.outputTokens();
    inputTokens += in;
    outputTokens += out;
    exemplars.offer("tokens", in + out, id);
    Double cost = e.costUsd();
    if (cost == null && prices != null) {
      OptionalDouble priced = prices.price(e.providerName(), e.requestModel(), in, out,
          e.cacheReadInputTokens() == null ? 0 : e.cacheReadInputTokens());
      cost = priced.isPresent() ? priced.getAsDouble() : null;
    }
    if (cost == null) {
      unpricedEvents++;
    } else {
      costUsd += cost;
      exemplars.offer("cost", cost, id);
    }
  }

  public void merge(PaneAggregate o) {
    count += o.count;
    errors += o.errors;
    weightedCount += o.weightedCount;
    o.finishReasons.forEach((k, v) -> finishReasons.merge(k, v, Long::sum));
    piiEvents += o.piiEvents;
    injectionEvents += o.injectionEvents;
    toxicEvents += o.toxicEvents;
    redactionFailures += o.redactionFailures;
    o.refusals.forEach((k, v) -> refusals.merge(k, v, Long::sum));
    groundedness.merge(o.groundedness);
    relevance.merge(o.relevance);
    latencyMs.merge(o.latencyMs);
    ttftMs.merge(o.ttftMs);
    inputTokens += o.inputTokens;
    outputTokens += o.outputTokens;
    costUsd += o.costUsd;
    unpricedEvents += o.unpricedEvents;
    exemplars.merge(o.exemplars);
  }

  public long count() {
    return count;
  }

  public long errors() {
    return errors;
  }

  /** Events re-weighted by 1 / producer_sample_rate. */
  public double weightedCount() {
    return weightedCount;
  }

  public SortedMap<String, Long> finishReasons() {
    return new TreeMap<>(finishReasons);
  }

  public long piiEvents() {
    return piiEvents;
  }

  public long injectionEvents() {
    return injectionEvents;
  }

  public long toxicEvents() {
    return toxicEvents;
  }

  public long redactionFailures() {
    return redactionFailures;
  }

  /** Successful responses per refusal label. */
  public SortedMap<String, Long> refusals() {
    return new TreeMap<>(refusals);
  }

  public ScoreStats groundedness() {
    return groundedness;
  }

  public ScoreStats relevance() {
    return relevance;
  }

  public LatencySketch latencyMs() {
    return latencyMs;
  }

  public LatencySketch ttftMs() {
    return ttftMs;
  }

  public long inputTokens() {
    return inputTokens;
  }

  public long outputTokens() {
    return outputTokens;
  }

  public double costUsd() {
    return costUsd;
  }

  /** Events without a reported cost whose model the catalog does not price. */
  public long unpricedEvents() {
    return unpricedEvents;
  }

  /** Signal name to up to 5 exemplar trace ids. */
  public Map<String, List<String>> exemplars() {
    return exemplars.asMap();
  }

  public byte[] toBytes() {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
      DataOutputStream out = new DataOutputStream(buf);
      out.writeByte(FORMAT_V1);
      out.writeLong(count);
      out.writeLong(errors);
      out.writeDouble(weightedCount);
      writeMap(out, finishReasons);
      out.writeLong(piiEvents);
      out.writeLong(injectionEvents);
      out.writeLong(toxicEvents);
      out.writeLong(redactionFailures);
      writeMap(out, refusals);
      groundedness.write(out);
      relevance.write(out);
      writeBytes(out, latencyMs.toBytes());
      writeBytes(out, ttftMs.toBytes());
      out.writeLong(inputTokens);
      out.writeLong(outputTokens);
      out.writeDouble(costUsd);
      out.writeLong(unpricedEvents);
      exemplars.write(out);
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PaneAggregate fromBytes(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      byte version = in.readByte();
      if (version != FORMAT_V1) {
        throw new IllegalArgumentException("unknown pane format " + version);
      }
      PaneAggregate p = new PaneAggregate();
      p.count = in.readLong();
      p.errors = in.readLong();
      p.weightedCount = in.readDouble();
      readMap(in, p.finishReasons);
      p.piiEvents = in.readLong();
      p.injectionEvents = in.readLong();
      p.toxicEvents = in.readLong();
      p.redactionFailures = in.readLong();
      readMap(in, p.refusals);
      p.groundedness = ScoreStats.read(in);
      p.relevance = ScoreStats.read(in);
      p.latencyMs = LatencySketch.fromBytes(readBytes(in));
      p.ttftMs = LatencySketch.fromBytes(readBytes(in));
      p.inputTokens = in.readLong();
      p.outputTokens = in.readLong();
      p.costUsd = in.readDouble();
      p.unpricedEvents = in.readLong();
      p.exemplars = Exemplars.read(in);
      return p;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a pane aggregate", e);
    }
  }

  private static void writeMap(DataOutputStream out, TreeMap<String, Long> m) throws IOException {
    out.writeShort(m.size());
    for (Map.Entry<String, Long> e : m.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  private static void readMap(DataInputStream in, TreeMap<String, Long> m) throws IOException {
    int n = in.readShort();
    for (int i = 0; i < n; i++) {
      m.put(in.readUTF(), in.readLong());
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}
