package dev.llmqm.ingest;

import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.metrics.MonitorMetrics.Outcome;
import dev.llmqm.schemas.LlmTraceEvent;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates each event, counts it, and marks invalid ones with DLQ reason headers. Logs name the
 * event id and the reason only, never text.
 */
final class ValidateProcessor implements FixedKeyProcessor<String, LlmTraceEvent, Checked> {
  private static final Logger LOG = LoggerFactory.getLogger(ValidateProcessor.class);

  private final EventValidator validator;
  private final MonitorMetrics metrics;
  private FixedKeyProcessorContext<String, Checked> context;

  ValidateProcessor(EventValidator validator, MonitorMetrics metrics) {
    this.validator = validator;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Checked> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, LlmTraceEvent> record) {
    LlmTraceEvent event = record.value();
    if (event == null) {
      return; // tombstones carry no event
    }
    Optional<Violation> violation = validator.validate(event, record.timestamp());
    String service = LabelValues.bounded(event.getServiceName());
    String model = LabelValues.bounded(event.getRequestModel());
    if (violation.isEmpty()) {
      metrics.event(service, model, Outcome.VALID);
      context.forward(record.withValue(new Checked(event, null)));
      return;
    }
    Violation v = violation.get();
    metrics.event(service, model, Outcome.INVALID);
    metrics.deadLettered(v.reason());
    DlqHeaders.put(record.headers(), DlqHeaders.REASON, v.reason().label());
    DlqHeaders.put(record.headers(), DlqHeaders.DETAIL, v.detail());
    Optional<RecordMetadata> meta = context.recordMetadata();
    if (meta.isPresent()) {
      DlqHeaders.put(record.headers(), DlqHeaders.SOURCE_TOPIC, meta.get().topic());
      DlqHeaders.put(record.headers(), DlqHeaders.SOURCE_PARTITION, Integer.toString(meta.get().partition()));
      DlqHeaders.put(record.headers(), DlqHeaders.SOURCE_OFFSET, Long.toString(meta.get().offset()));
    }
    LOG.warn("Invalid event {} sent to the dead-letter topic: {} ({})",
        LabelValues.safeId(event.getEventId()), v.reason().label(), v.detail());
    context.forward(record.withValue(new Checked(event, v)));
  }
}
