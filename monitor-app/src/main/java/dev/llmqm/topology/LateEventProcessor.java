package dev.llmqm.topology;

import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.window.ScoredEvent;
import dev.llmqm.window.SegmentKey;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Sits right before the windowed aggregation (same task, same stream time) and counts the events
 * whose window has already closed, which the aggregation would otherwise drop silently. Late
 * events still count in the Prometheus series, which are not windowed.
 */
final class LateEventProcessor implements FixedKeyProcessor<SegmentKey, ScoredEvent, ScoredEvent> {
  private final MonitorMetrics metrics;
  private final long sizeMs;
  private final long graceMs;
  private FixedKeyProcessorContext<SegmentKey, ScoredEvent> context;
  private long observedStreamTime = Long.MIN_VALUE;

  LateEventProcessor(MonitorMetrics metrics, long sizeMs, long graceMs) {
    this.metrics = metrics;
    this.sizeMs = sizeMs;
    this.graceMs = graceMs;
  }

  @Override
  public void init(FixedKeyProcessorContext<SegmentKey, ScoredEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<SegmentKey, ScoredEvent> record) {
    long ts = record.timestamp();
    observedStreamTime = Math.max(observedStreamTime, ts);
    long windowEnd = ts - Math.floorMod(ts, sizeMs) + sizeMs;
    if (windowEnd + graceMs <= observedStreamTime) {
      metrics.lateEvent(record.key().serviceName());
      return;
    }
    context.forward(record);
  }
}
