package dev.llmqm.ingest;

import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.metrics.MonitorMetrics.DlqReason;
import dev.llmqm.metrics.MonitorMetrics.Outcome;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Kafka Streams' log-and-continue deserialization handler, which with {@code
 * errors.dead.letter.queue.topic.name} set writes the undecodable record to the dead-letter topic
 * with the exception in its headers, plus the monitor's counters. The metrics instance is passed
 * in the Streams config under {@link #METRICS_CONFIG}.
 */
public final class CountingDeadLetterHandler extends LogAndContinueExceptionHandler {
  public static final String METRICS_CONFIG = "llmqm.metrics";

  private MonitorMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    Object m = configs.get(METRICS_CONFIG);
    if (m instanceof MonitorMetrics mm) {
      this.metrics = mm;
    }
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (metrics != null) {
      metrics.event("unknown", "unknown", Outcome.UNDECODABLE);
      metrics.deadLettered(DlqReason.UNDECODABLE);
    }
    return super.handleError(context, record, exception);
  }
}
