package dev.llmqm.topology;

import dev.llmqm.detect.Alert;
import dev.llmqm.detect.RegressionDetector;
import dev.llmqm.detect.WindowObservation;
import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.metrics.SegmentLabels;
import dev.llmqm.schemas.AlertState;
import dev.llmqm.schemas.QualityAlert;
import dev.llmqm.schemas.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the closed panes of each window (all segments of the services this task owns) and runs
 * the detectors once per window: when a pane of a later window arrives, or when a window has been
 * waiting longer than {@code flushAfter} of wall-clock time. Emits alert transitions.
 */
final class DetectorProcessor implements Processor<String, ClosedPane, String, QualityAlert> {
  private static final Logger LOG = LoggerFactory.getLogger(DetectorProcessor.class);
  static final String RUNBOOK = "https://github.com/llmqm/llm-quality-monitor/blob/main/README.md#llmdetectoralert";

  private final Supplier<RegressionDetector> detectorSupplier;
  private final MonitorMetrics metrics;
  private final Duration flushAfter;
  private final TreeMap<Long, Pending> pending = new TreeMap<>();
  private RegressionDetector detector;
  private ProcessorContext<String, QualityAlert> context;

  private static final class Pending {
    final long end;
    final long firstSeenWallMs;
    final List<WindowObservation> panes = new ArrayList<>();

    Pending(long end, long firstSeenWallMs) {
      this.end = end;
      this.firstSeenWallMs = firstSeenWallMs;
    }
  }

  DetectorProcessor(Supplier<RegressionDetector> detectorSupplier, MonitorMetrics metrics, Duration flushAfter) {
    this.detectorSupplier = detectorSupplier;
    this.metrics = metrics;
    this.flushAfter = flushAfter;
  }

  @Override
  public void init(ProcessorContext<String, QualityAlert> context) {
    this.context = context;
    this.detector = detectorSupplier.get();
    context.schedule(Duration.ofSeconds(5), PunctuationType.WALL_CLOCK_TIME, this::flushStale);
  }

  @Override
  public void process(Record<String, ClosedPane> record) {
    ClosedPane p = record.value();
    long start = p.windowStart();
    // A pane of a later window means the earlier windows are complete in this task.
    while (!pending.isEmpty() && pending.firstKey() < start) {
      evaluate(pending.pollFirstEntry());
    }
    pending.computeIfAbsent(start, s -> new Pending(p.windowEnd(), context.currentSystemTimeMs()))
        .panes.add(Panes.toObservation(p.segment(), start, p.windowEnd(), p.pane()));
  }

  private void flushStale(long wallNow) {
    while (!pending.isEmpty() && wallNow - pending.firstEntry().getValue().firstSeenWallMs >= flushAfter.toMillis()) {
      evaluate(pending.pollFirstEntry());
    }
  }

  private void evaluate(Map.Entry<Long, Pending> window) {
    Pending w = window.getValue();
    List<Alert> alerts = detector.onWindow(window.getKey(), w.end, w.panes);
    for (Alert a : alerts) {
      Segment seg = new Segment(a.segment().get("service_name"), a.segment().get("feature"), a.segment().get("request_model"),
          a.segment().get("prompt_template_version"), a.segment().get("rollout_variant"), a.segment().get("tenant_id"));
      boolean firing = Alert.FIRING.equals(a.state());
      metrics.alertState(a.signal(), a.severity(),
          new SegmentLabels(seg.getServiceName(), seg.getFeature(), seg.getRequestModel(), seg.getPromptTemplateVersion(),
              seg.getRolloutVariant(), seg.getTenantId()), firing, a.state());
      LOG.info("Alert {} {} {} on {} (observed {}, baseline {})", a.state(), a.severity(), a.signal(), a.segment(),
          a.observed(), a.baseline());
      QualityAlert avro = QualityAlert.newBuilder()
          .setAlertId(a.alertId())
          .setRule(a.rule())
          .setSignal(a.signal())
          .setSeverity(a.severity())
          .setState(firing ? AlertState.FIRING : AlertState.RESOLVED)
          .setSegment(seg)
          .setWindowStart(Instant.ofEpochMilli(a.windowStart()))
          .setWindowEnd(Instant.ofEpochMilli(a.windowEnd()))
          .setObserved(a.observed())
          .setBaseline(a.baseline())
          .setStatistic(a.statistic())
          .setPValue(a.pValue())
          .setThreshold(a.threshold())
          .setSampleSize(a.sampleSize())
          .setExemplarTraceIds(List.copyOf(a.exemplarTraceIds()))
          .setRunbookUrl(RUNBOOK)
          .build();
      String key = seg.getServiceName() == null ? "all" : seg.getServiceName();
      context.forward(new Record<>(key, avro, w.end));
    }
  }

  /** Evaluates every pending window (end of a replay). */
  void flushAll() {
    while (!pending.isEmpty()) {
      evaluate(pending.pollFirstEntry());
    }
  }
}
