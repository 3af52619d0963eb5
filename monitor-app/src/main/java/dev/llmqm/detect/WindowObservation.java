package dev.llmqm.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One closed 1-minute pane of one leaf segment: the input of {@link RegressionDetector}. Segment
 * keys are event field names ({@code service_name}, {@code feature}, {@code request_model}, {@code
 * prompt_template_version}, {@code rollout_variant}, {@code tenant_id}); an absent key means the
 * field was not set. Histograms count events over {@link LatencyBins#BOUNDS_MS}. Exemplars map a
 * signal name (see {@link Signal#id()}) to at most 5 trace ids; no text is ever carried.
 */
public record WindowObservation(
    Map<String, String> segment,
    long windowStart,
    long windowEnd,
    long count,
    long errors,
    long piiEvents,
    long injectionEvents,
    long toxicEvents,
    long redactionFailures,
    long refusalFull,
    long refusalPartial,
    long groundednessCount,
    double groundednessSum,
    long groundednessLow,
    long relevanceCount,
    double relevanceSum,
    long[] latencyHistogram,
    long[] ttftHistogram,
    long inputTokens,
    long outputTokens,
    double costUsd,
    Map<String, List<String>> exemplars) {

  /** Maximum exemplar trace ids kept per signal. */
  public static final int MAX_EXEMPLARS = 5;

  public WindowObservation {
    segment = Map.copyOf(Objects.requireNonNull(segment, "segment"));
    latencyHistogram = checkHistogram(latencyHistogram, "latencyHistogram");
    ttftHistogram = checkHistogram(ttftHistogram, "ttftHistogram");
    exemplars = exemplars == null ? Map.of() : Map.copyOf(exemplars);
  }

  private static long[] checkHistogram(long[] h, String name) {
    if (h == null) {
      return LatencyBins.empty();
    }
    if (h.length != LatencyBins.COUNT) {
      throw new IllegalArgumentException(
          name + " must have " + LatencyBins.COUNT + " bins, got " + h.length);
    }
    return h.clone();
  }

  /** The service of this pane, or the empty string when not set. */
  public String serviceName() {
    return segment.getOrDefault("service_name", "");
  }

  /**
   * Sums the parts into one observation of {@code rolledUpSegment}. Window bounds are the min start
   * and max end of the parts; exemplars are the union per signal, capped at {@link #MAX_EXEMPLARS}
   * in the order the parts are given.
   */
  public static WindowObservation merge(
      Collection<WindowObservation> parts, Map<String, String> rolledUpSegment) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    long count = 0, errors = 0, pii = 0, inj = 0, tox = 0, red = 0, rf = 0, rp = 0;
    long gc = 0, gl = 0, rc = 0, in = 0, out = 0;
    double gs = 0, rs = 0, cost = 0;
    long[] lat = LatencyBins.empty();
    long[] ttft = LatencyBins.empty();
    Map<String, List<String>> ex = new TreeMap<>();
    for (WindowObservation p : parts) {
      start = Math.min(start, p.windowStart);
      end = Math.max(end, p.windowEnd);
      count += p.count;
      errors += p.errors;
      pii += p.piiEvents;
      inj += p.injectionEvents;
      tox += p.toxicEvents;
      red += p.redactionFailures;
      rf += p.refusalFull;
      rp += p.refusalPartial;
      gc += p.groundednessCount;
      gs += p.groundednessSum;
      gl += p.groundednessLow;
      rc += p.relevanceCount;
      rs += p.relevanceSum;
      in += p.inputTokens;
      out += p.outputTokens;
      cost += p.costUsd;
      for (int i = 0; i < LatencyBins.COUNT; i++) {
        lat[i] += p.latencyHistogram[i];
        ttft[i] += p.ttftHistogram[i];
      }
      for (Map.Entry<String, List<String>> e : new TreeMap<>(p.exemplars).entrySet()) {
        List<String> acc = ex.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
        for (String id : e.getValue()) {
          if (acc.size() < MAX_EXEMPLARS && !acc.contains(id)) {
            acc.add(id);
          }
        }
      }
    }
    if (parts.isEmpty()) {
      start = 0;
      end = 0;
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    ex.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new WindowObservation(
        rolledUpSegment, start, end, count, errors, pii, inj, tox, red, rf, rp, gc, gs, gl, rc, rs,
        lat, ttft, in, out, cost, frozen);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WindowObservation w)) {
      return false;
    }
    return segment.equals(w.segment)
        && windowStart == w.windowStart
        && windowEnd == w.windowEnd
        && count == w.count
        && errors == w.errors
        && piiEvents == w.piiEvents
        && injectionEvents == w.injectionEvents
        && toxicEvents == w.toxicEvents
        && redactionFailures == w.redactionFailures
        && refusalFull == w.refusalFull
        && refusalPartial == w.refusalPartial
        && groundednessCount == w.groundednessCount
        && Double.compare(groundednessSum, w.groundednessSum) == 0
        && groundednessLow == w.groundednessLow
        && relevanceCount == w.relevanceCount
        && Double.compare(relevanceSum, w.relevanceSum) == 0
        && Arrays.equals(latencyHistogram, w.latencyHistogram)
        && Arrays.equals(ttftHistogram, w.ttftHistogram)
        && inputTokens == w.inputTokens
        && outputTokens == w.outputTokens
        && Double.compare(costUsd, w.costUsd) == 0
        && exemplars.equals(w.exemplars);
  }

  @Override
  public int hashCode() {
    return Objects.hash(segment, windowStart, count, errors, Arrays.hashCode(latencyHistogram));
  }

  @Override
  public String toString() {
    return "WindowObservation[" + segment + " @" + windowStart + " count=" + count + "]";
  }
}
