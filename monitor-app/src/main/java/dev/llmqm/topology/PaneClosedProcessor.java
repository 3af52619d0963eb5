package dev.llmqm.topology;

import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.metrics.SegmentLabels;
import dev.llmqm.window.PaneAggregate;
import dev.llmqm.window.SegmentKey;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Publishes a closed pane: window gauges, and the pane keyed by service for aggregates and detection. */
final class PaneClosedProcessor implements Processor<Windowed<SegmentKey>, PaneAggregate, String, ClosedPane> {
  private final MonitorMetrics metrics;
  private ProcessorContext<String, ClosedPane> context;

  PaneClosedProcessor(MonitorMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, ClosedPane> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Windowed<SegmentKey>, PaneAggregate> record) {
    SegmentKey k = record.key().key();
    PaneAggregate pane = record.value();
    metrics.windowClosed();
    if (pane.latencyMs().count() > 0) {
      metrics.windowLatency(
          new SegmentLabels(k.serviceName(), k.feature(), k.requestModel(), k.promptTemplateVersion(), k.rolloutVariant(), k.tenantId()),
          pane.latencyMs().quantile(0.5) / 1000.0, pane.latencyMs().quantile(0.95) / 1000.0, pane.latencyMs().quantile(0.99) / 1000.0);
    }
    long start = record.key().window().start();
    long end = record.key().window().end();
    context.forward(new Record<>(k.serviceName(), new ClosedPane(k, start, end, pane), record.timestamp()));
  }
}
