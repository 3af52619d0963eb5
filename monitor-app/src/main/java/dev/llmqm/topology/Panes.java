package dev.llmqm.topology;

import dev.llmqm.detect.LatencyBins;
import dev.llmqm.detect.WindowObservation;
import dev.llmqm.schemas.QuantileSummary;
import dev.llmqm.schemas.ScoreSummary;
import dev.llmqm.schemas.Segment;
import dev.llmqm.schemas.WindowAggregate;
import dev.llmqm.window.LatencySketch;
import dev.llmqm.window.PaneAggregate;
import dev.llmqm.window.ScoreStats;
import dev.llmqm.window.SegmentKey;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Conversions of a closed pane into its Avro record and into the detectors' observation. */
public final class Panes {
  private Panes() {}

  public static Segment segment(SegmentKey k) {
    return new Segment(k.serviceName(), k.feature(), k.requestModel(), k.promptTemplateVersion(), k.rolloutVariant(), k.tenantId());
  }

  public static WindowAggregate toAvro(SegmentKey key, long start, long end, PaneAggregate p) {
    Map<String, Long> finish = new HashMap<>(p.finishReasons());
    Map<String, Long> refusals = new HashMap<>(p.refusals());
    return WindowAggregate.newBuilder()
        .setSegment(segment(key))
        .setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(end))
        .setCount(p.count())
        .setErrors(p.errors())
        .setFinishReasons(finish)
        .setPiiEvents(p.piiEvents())
        .setInjectionEvents(p.injectionEvents())
        .setToxicEvents(p.toxicEvents())
        .setRedactionFailures(p.redactionFailures())
        .setRefusals(refusals)
        .setGroundedness(summary(p.groundedness()))
        .setRelevance(summary(p.relevance()))
        .setLatencyMs(quantiles(p.latencyMs()))
        .setTtftMs(quantiles(p.ttftMs()))
        .setInputTokens(p.inputTokens())
        .setOutputTokens(p.outputTokens())
        .setCostUsd(p.costUsd())
        .setWeightedCount(p.weightedCount())
        .build();
  }

  private static ScoreSummary summary(ScoreStats s) {
    if (s.count() == 0) {
      return null;
    }
    List<Long> hist = new ArrayList<>(10);
    for (long c : s.histogram()) {
      hist.add(c);
    }
    return new ScoreSummary(s.count(), s.mean(), hist);
  }

  private static QuantileSummary quantiles(LatencySketch s) {
    if (s.count() == 0) {
      return null;
    }
    return new QuantileSummary(s.count(), s.quantile(0.5), s.quantile(0.95), s.quantile(0.99), s.max(),
        ByteBuffer.wrap(s.toBytes()));
  }

  public static WindowObservation toObservation(SegmentKey key, long start, long end, PaneAggregate p) {
    Map<String, Long> refusals = p.refusals();
    long[] groundedHist = p.groundedness().histogram();
    long low = 0;
    for (int i = 0; i < 5 && i < groundedHist.length; i++) {
      low += groundedHist[i];
    }
    return new WindowObservation(key.asMap(), start, end, p.count(), p.errors(),
        p.piiEvents(), p.injectionEvents(), p.toxicEvents(), p.redactionFailures(),
        refusals.getOrDefault("full", 0L), refusals.getOrDefault("partial", 0L),
        p.groundedness().count(), p.groundedness().sum(), low,
        p.relevance().count(), p.relevance().sum(),
        p.latencyMs().histogram(LatencyBins.BOUNDS_MS), p.ttftMs().histogram(LatencyBins.BOUNDS_MS),
        p.inputTokens(), p.outputTokens(), p.costUsd(), p.exemplars());
  }
}
