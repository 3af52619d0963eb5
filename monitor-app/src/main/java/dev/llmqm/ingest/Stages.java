package dev.llmqm.ingest;

import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.schemas.LlmTraceEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;

/** Suppliers of the ingest processors, for the topology. */
public final class Stages {
  private Stages() {}

  public static FixedKeyProcessorSupplier<String, LlmTraceEvent, Checked> validate(
      EventValidator validator, MonitorMetrics metrics) {
    return () -> new ValidateProcessor(validator, metrics);
  }
}
