package dev.llmqm.window;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The mergeable accumulator of one pane (1 minute of one segment). Mutable: {@link #add} and
 * {@link #merge} are the only mutators; not thread-safe (one stream thread owns a pane).
 *
 * <p>{@link #merge} is associative and commutative: counts, histograms and sketches exactly (up to
 * floating-point rounding of sums), exemplars exactly, because each signal keeps the top 5 trace ids
 * by a rank value with the trace id as tie-break (see {@link #exemplars()}).
 *
 * <p>Finish reasons are folded onto a fixed vocabulary ({@link #FINISH_REASONS}) so that a pane's
 * size stays bounded: provider spellings are mapped ({@code end_turn}, {@code stop_sequence} →
 * {@code stop}; {@code max_tokens} → {@code length}; {@code tool_calls}, {@code tool_use},
 * {@code function_call} → {@code tool_call}; {@code safety} → {@code content_filter}), anything else
 * is {@code other}.
 */
public final class PaneAggregate {

  /** Signals that carry exemplars, in a fixed order. */
  public static final List<String> EXEMPLAR_SIGNALS =
      List.of(
          "error_rate",
          "latency",
          "ttft",
          "cost",
          "tokens",
          "groundedness",
          "relevance",
          "refusal",
          "pii",
          "injection",
          "toxicity",
          "redaction_failure");

  /** The finish-reason vocabulary. */
  public static final List<String> FINISH_REASONS =
      List.of("content_filter", "error", "length", "other", "stop", "tool_call");

  /** Refusal labels. */
  public static final List<String> REFUSALS = List.of("full", "none", "partial");

  private static final int EX_ERROR = 0;
  private static final int EX_LATENCY = 1;
  private static final int EX_TTFT = 2;
  private static final int EX_COST = 3;
  private static final int EX_TOKENS = 4;
  private static final int EX_GROUNDEDNESS = 5;
  private static final int EX_RELEVANCE = 6;
  private static final int EX_REFUSAL = 7;
  private static final int EX_PII = 8;
  private static final int EX_INJECTION = 9;
  private static final int EX_TOXICITY = 10;
  private static final int EX_REDACTION = 11;

  private static final int FR_CONTENT_FILTER = 0;
  private static final int FR_ERROR = 1;
  private static final int FR_LENGTH = 2;
  private static final int FR_OTHER = 3;
  private static final int FR_STOP = 4;
  private static final int FR_TOOL_CALL = 5;

  private static final int REF_FULL = 0;
  private static final int REF_NONE = 1;
  private static final int REF_PARTIAL = 2;

  /** Full refusals rank above partial ones among refusal exemplars, then by recency. */
  private static final double FULL_REFUSAL_RANK = 1e13;

  private static final byte FORMAT_VERSION = 1;

  private long count;
  private long errors;
  private double weightedCount;
  private final long[] finishReasons = new long[FINISH_REASONS.size()];
  private long piiEvents;
  private long injectionEvents;
  private long toxicEvents;
  private long redactionFailures;
  private final long[] refusals = new long[REFUSALS.size()];
  private ScoreStats groundedness = new ScoreStats();
  private ScoreStats relevance = new ScoreStats();
  private LatencySketch latencyMs = new LatencySketch();
  private LatencySketch ttftMs = new LatencySketch();
  private long inputTokens;
  private long outputTokens;
  private long cacheReadInputTokens;
  private double costUsd;
  private long unpricedEvents;
  private final Exemplars exemplars = new Exemplars(EXEMPLAR_SIGNALS.size());

  private PaneAggregate() {}

  public static PaneAggregate empty() {
    return new PaneAggregate();
  }

  /**
   * Adds one event. A missing {@code costUsd} is priced from {@code prices} (may be null); an
   * event that can be priced neither way counts in {@link #unpricedEvents()}.
   */
  public void add(ScoredEvent e, PriceCatalog prices) {
    String trace = e.traceId();
    double recency = e.endTimeMs();
    count++;
    double rate = e.producerSampleRate();
    weightedCount += rate > 0 && rate <= 1 ? 1 / rate : 1;
    if (e.error()) {
      errors++;
      exemplars.offer(EX_ERROR, recency, trace);
    }
    List<String> reasons = e.finishReasons();
    if (reasons != null) {
      for (int i = 0, n = reasons.size(); i < n; i++) {
        finishReasons[finishReasonIndex(reasons.get(i))]++;
      }
    }
    if (e.pii()) {
      piiEvents++;
      exemplars.offer(EX_PII, recency, trace);
    }
    if (e.injection()) {
      injectionEvents++;
      exemplars.offer(EX_INJECTION, recency, trace);
    }
    if (e.toxic()) {
      toxicEvents++;
      exemplars.offer(EX_TOXICITY, recency, trace);
    }
    if (e.redactionFailure()) {
      redactionFailures++;
      exemplars.offer(EX_REDACTION, recency, trace);
    }
    String refusal = e.refusal();
    if (refusal != null) {
      switch (refusal) {
        case "full":
          refusals[REF_FULL]++;
          exemplars.offer(EX_REFUSAL, FULL_REFUSAL_RANK + recency, trace);
          break;
        case "partial":
          refusals[REF_PARTIAL]++;
          exemplars.offer(EX_REFUSAL, recency, trace);
          break;
        case "none":
          refusals[REF_NONE]++;
          break;
        default:
          break;
      }
    }
    Double g = e.groundedness();
    if (g != null && !g.isNaN()) {
      groundedness.add(g);
      exemplars.offer(EX_GROUNDEDNESS, -g, trace);
    }
    Double r = e.relevance();
    if (r != null && !r.isNaN()) {
      relevance.add(r);
      exemplars.offer(EX_RELEVANCE, -r, trace);
    }
    latencyMs.add(e.latencyMs());
    exemplars.offer(EX_LATENCY, e.latencyMs(), trace);
    Double ttft = e.ttftMs();
    if (ttft != null && !ttft.isNaN()) {
      ttftMs.add(ttft);
      exemplars.offer(EX_TTFT, ttft, trace);
    }
    Long in = e.inputTokens();
    Long out = e.outputTokens();
    Long cached = e.cacheReadInputTokens();
    long inN = in == null ? 0 : Math.max(0, in);
    long outN = out == null ? 0 : Math.max(0, out);
    long cachedN = cached == null ? 0 : Math.max(0, cached);
    inputTokens += inN;
    outputTokens += outN;
    cacheReadInputTokens += cachedN;
    if (in != null || out != null) {
      exemplars.offer(EX_TOKENS, inN + outN, trace);
    }
    Double given = e.costUsd();
    double cost;
    if (given != null && given >= 0 && given < Double.POSITIVE_INFINITY) {
      cost = given;
    } else if (prices != null && (in != null || out != null)) {
      cost = prices.priceOrNaN(e.providerName(), e.requestModel(), inN, outN, cachedN);
    } else {
      cost = Double.NaN;
    }
    if (Double.isNaN(cost)) {
      unpricedEvents++;
    } else {
      costUsd += cost;
      exemplars.offer(EX_COST, cost, trace);
    }
  }

  /** Adds everything in {@code other} to this pane; {@code other} is not changed. */
  public void merge(PaneAggregate other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a pane with itself");
    }
    count += other.count;
    errors += other.errors;
    weightedCount += other.weightedCount;
    for (int i = 0; i < finishReasons.length; i++) {
      finishReasons[i] += other.finishReasons[i];
    }
    piiEvents += other.piiEvents;
    injectionEvents += other.injectionEvents;
    toxicEvents += other.toxicEvents;
    redactionFailures += other.redactionFailures;
    for (int i = 0; i < refusals.length; i++) {
      refusals[i] += other.refusals[i];
    }
    groundedness.merge(other.groundedness);
    relevance.merge(other.relevance);
    latencyMs.merge(other.latencyMs);
    ttftMs.merge(other.ttftMs);
    inputTokens += other.inputTokens;
    outputTokens += other.outputTokens;
    cacheReadInputTokens += other.cacheReadInputTokens;
    costUsd += other.costUsd;
    unpricedEvents += other.unpricedEvents;
    exemplars.merge(other.exemplars);
  }

  /** A new pane holding the merge of the given panes (none of them is changed). */
  public static PaneAggregate mergeAll(Iterable<PaneAggregate> panes) {
    PaneAggregate result = empty();
    for (PaneAggregate p : panes) {
      result.merge(p);
    }
    return result;
  }

  /** An independent copy. */
  public PaneAggregate copy() {
    return fromBytes(toBytes());
  }

  // ---- getters ----

  public long count() {
    return count;
  }

  public long errors() {
    return errors;
  }

  /** Estimated number of events before the producers' own sampling: sum of 1/producerSampleRate. */
  public double weightedCount() {
    return weightedCount;
  }

  /** Events per finish reason (an event may have several); only non-zero reasons. */
  public SortedMap<String, Long> finishReasons() {
    return nonZero(FINISH_REASONS, finishReasons);
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

  /** Scored events per refusal label; all three labels always present. */
  public SortedMap<String, Long> refusals() {
    SortedMap<String, Long> m = new TreeMap<>();
    for (int i = 0; i < refusals.length; i++) {
      m.put(REFUSALS.get(i), refusals[i]);
    }
    return m;
  }

  /** Live view; do not mutate. */
  public ScoreStats groundedness() {
    return groundedness;
  }

  /** Live view; do not mutate. */
  public ScoreStats relevance() {
    return relevance;
  }

  /** Live view; do not mutate. */
  public LatencySketch latencyMs() {
    return latencyMs;
  }

  /** Live view; do not mutate. */
  public LatencySketch ttftMs() {
    return ttftMs;
  }

  public long inputTokens() {
    return inputTokens;
  }

  public long outputTokens() {
    return outputTokens;
  }

  public long cacheReadInputTokens() {
    return cacheReadInputTokens;
  }

  /** Cost of the priced events (given by the application or from the catalog), USD. */
  public double costUsd() {
    return costUsd;
  }

  /** Events without a cost of their own that the catalog could not price. */
  public long unpricedEvents() {
    return unpricedEvents;
  }

  /**
   * Up to 5 trace ids per signal (only signals that have any), best first. Rank per signal:
   * error_rate, pii, injection, toxicity, redaction_failure — most recent event time; latency,
   * ttft, cost, tokens (input + output) — largest; groundedness, relevance — lowest; refusal — full
   * before partial, then most recent. Ties go to the smaller trace id; a trace appears once per
   * signal with its best value. Independent of insertion and merge order.
   */
  public Map<String, List<String>> exemplars() {
    return exemplars.asMap(EXEMPLAR_SIGNALS);
  }

  // ---- binary format ----

  /**
   * Binary form: first byte = format version (1), then the fields in declaration order
   * (big-endian), the two sketches length-prefixed, and exemplars by signal name.
   */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeLong(count);
      out.writeLong(errors);
      out.writeDouble(weightedCount);
      writeCounts(out, FINISH_REASONS, finishReasons);
      out.writeLong(piiEvents);
      out.writeLong(injectionEvents);
      out.writeLong(toxicEvents);
      out.writeLong(redactionFailures);
      writeCounts(out, REFUSALS, refusals);
      groundedness.write(out);
      relevance.write(out);
      writeBlob(out, latencyMs.toBytes());
      writeBlob(out, ttftMs.toBytes());
      out.writeLong(inputTokens);
      out.writeLong(outputTokens);
      out.writeLong(cacheReadInputTokens);
      out.writeDouble(costUsd);
      out.writeLong(unpricedEvents);
      exemplars.write(out, EXEMPLAR_SIGNALS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes {@link #toBytes()}; throws {@link IllegalArgumentException} on malformed input. */
  public static PaneAggregate fromBytes(byte[] b) {
    if (b == null || b.length == 0) {
      throw new IllegalArgumentException("pane aggregate: empty input");
    }
    if (b[0] != FORMAT_VERSION) {
      throw new IllegalArgumentException("pane aggregate: unknown format version " + b[0]);
    }
    PaneAggregate p = new PaneAggregate();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b, 1, b.length - 1))) {
      p.count = in.readLong();
      p.errors = in.readLong();
      p.weightedCount = in.readDouble();
      readCounts(in, FINISH_REASONS, p.finishReasons, FR_OTHER);
      p.piiEvents = in.readLong();
      p.injectionEvents = in.readLong();
      p.toxicEvents = in.readLong();
      p.redactionFailures = in.readLong();
      readCounts(in, REFUSALS, p.refusals, -1);
      p.groundedness = ScoreStats.read(in);
      p.relevance = ScoreStats.read(in);
      p.latencyMs = LatencySketch.fromBytes(readBlob(in));
      p.ttftMs = LatencySketch.fromBytes(readBlob(in));
      p.inputTokens = in.readLong();
      p.outputTokens = in.readLong();
      p.cacheReadInputTokens = in.readLong();
      p.costUsd = in.readDouble();
      p.unpricedEvents = in.readLong();
      p.exemplars.read(in, EXEMPLAR_SIGNALS);
      if (in.available() > 0) {
        throw new IllegalArgumentException(
            "pane aggregate: " + in.available() + " trailing bytes");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("pane aggregate: truncated or malformed", e);
    }
    return p;
  }

  @Override
  public String toString() {
    return "PaneAggregate{count=" + count + ", errors=" + errors + ", latencyMs=" + latencyMs
        + ", costUsd=" + costUsd + "}";
  }

  static int finishReasonIndex(String reason) {
    if (reason == null) {
      return FR_OTHER;
    }
    switch (reason) {
      case "stop":
      case "end_turn":
      case "stop_sequence":
        return FR_STOP;
      case "length":
      case "max_tokens":
        return FR_LENGTH;
      case "tool_call":
      case "tool_calls":
      case "tool_use":
      case "function_call":
        return FR_TOOL_CALL;
      case "content_filter":
      case "safety":
        return FR_CONTENT_FILTER;
      case "error":
        return FR_ERROR;
      default:
        return FR_OTHER;
    }
  }

  private static SortedMap<String, Long> nonZero(List<String> names, long[] counts) {
    SortedMap<String, Long> m = new TreeMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        m.put(names.get(i), counts[i]);
      }
    }
    return m;
  }

  private static void writeCounts(DataOutputStream out, List<String> names, long[] counts)
      throws IOException {
    int n = 0;
    for (long c : counts) {
      if (c != 0) {
        n++;
      }
    }
    out.writeShort(n);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        out.writeUTF(names.get(i));
        out.writeLong(counts[i]);
      }
    }
  }

  private static void readCounts(
      DataInputStream in, List<String> names, long[] counts, int unknownIndex) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      long c = in.readLong();
      int idx = names.indexOf(name);
      if (idx < 0) {
        idx = unknownIndex;
      }
      if (idx < 0) {
        throw new IllegalArgumentException("pane aggregate: unknown label '" + name + "'");
      }
      counts[idx] += c;
    }
  }

  private static void writeBlob(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBlob(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IllegalArgumentException("pane aggregate: bad blob length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
