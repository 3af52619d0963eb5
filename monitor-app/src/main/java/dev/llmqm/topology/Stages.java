package dev.llmqm.topology;

import dev.llmqm.detect.RegressionDetector;
import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.sampling.TraceSampler;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.QualityAlert;
import dev.llmqm.scoring.Tier1Scorer;
import dev.llmqm.window.PaneAggregate;
import dev.llmqm.window.PriceCatalog;
import dev.llmqm.window.ScoredEvent;
import dev.llmqm.window.SegmentBudgets;
import dev.llmqm.window.SegmentKey;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/** Suppliers of the topology's processors. */
public final class Stages {
  private Stages() {}

  public static FixedKeyProcessorSupplier<String, LlmTraceEvent, Scored> score(
      Tier1Scorer scorer, TraceSampler sampler, SegmentBudgets budgets, PriceCatalog prices, MonitorMetrics metrics) {
    return () -> new ScoreProcessor(scorer, sampler, budgets, prices, metrics);
  }

  public static FixedKeyProcessorSupplier<SegmentKey, ScoredEvent, ScoredEvent> lateEvents(
      MonitorMetrics metrics, Duration size, Duration grace) {
    return () -> new LateEventProcessor(metrics, size.toMillis(), grace.toMillis());
  }

  public static ProcessorSupplier<Windowed<SegmentKey>, PaneAggregate, String, ClosedPane> paneClosed(MonitorMetrics metrics) {
    return () -> new PaneClosedProcessor(metrics);
  }

  public static ProcessorSupplier<String, ClosedPane, String, QualityAlert> detect(
      Supplier<RegressionDetector> detector, MonitorMetrics metrics, Duration flushAfter) {
    return () -> new DetectorProcessor(detector, metrics, flushAfter);
  }
}
