package dev.llmqm.detect;

import java.util.List;
import java.util.Map;

/**
 * One alert transition. {@code alertId} is deterministic (hash of rule, signal, segment and the
 * window in which the alert first fired) and is shared by the FIRING and its RESOLVED event.
 *
 * <ul>
 *   <li>{@code observed}/{@code baseline}: the compared quantity in the evaluation span and in the
 *       reference — a proportion for rate signals (for groundedness, the share of scores below
 *       0.5 when that test decided, else the mean score), p95 in ms for latency/ttft, USD per
 *       event for cost, tokens per event for tokens, mean score for relevance.
 *   <li>{@code statistic}: the z score of the deciding test, or the CUSUM sum for sequential
 *       detections; {@code pValue} is null for the latter.
 *   <li>{@code threshold}: what the decision compared against: the p-value cut of that window after
 *       the multiple-testing correction for p-value tests, the CUSUM limit h for sequential ones; on RESOLVED, the
 *       laxer hold level.
 *   <li>{@code sampleSize}: events (or scored events) in the evaluation span of the segment.
 * </ul>
 */
public record Alert(
    String alertId,
    String rule,
    String signal,
    String severity,
    String state,
    Map<String, String> segment,
    long windowStart,
    long windowEnd,
    double observed,
    Double baseline,
    Double statistic,
    Double pValue,
    Double threshold,
    long sampleSize,
    List<String> exemplarTraceIds) {

  public static final String FIRING = "FIRING";
  public static final String RESOLVED = "RESOLVED";
  public static final String CRITICAL = "critical";
  public static final String WARNING = "warning";

  public Alert {
    segment = Map.copyOf(segment);
    exemplarTraceIds = List.copyOf(exemplarTraceIds);
  }
}
