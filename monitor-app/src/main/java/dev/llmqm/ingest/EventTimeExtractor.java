package dev.llmqm.ingest;

import dev.llmqm.schemas.LlmTraceEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is the event's {@code end_time}, whatever timestamp the producer gave the record;
 * records without a usable {@code end_time} keep the record timestamp (validation rejects them).
 */
public final class EventTimeExtractor implements TimestampExtractor {
  private final long maxFutureSkewMs;

  /**
   * @param maxFutureSkewMs an {@code end_time} further ahead of the record timestamp is not trusted
   *     as event time (the broker would reject it downstream); the record timestamp is used and
   *     validation sends the event to the dead-letter topic
   */
  public EventTimeExtractor(long maxFutureSkewMs) {
    this.maxFutureSkewMs = maxFutureSkewMs;
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof LlmTraceEvent e && e.getEndTime() != null) {
      long t = e.getEndTime().toEpochMilli();
      if (t > 0 && (record.timestamp() < 0 || t - record.timestamp() <= maxFutureSkewMs)) {
        return t;
      }
    }
    long ts = record.timestamp();
    return ts >= 0 ? ts : Math.max(partitionTime, 0);
  }
}
