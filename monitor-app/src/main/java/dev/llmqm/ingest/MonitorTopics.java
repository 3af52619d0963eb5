package dev.llmqm.ingest;

import dev.llmqm.MonitorConfig;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.QualityAlert;
import dev.llmqm.schemas.ScoredTrace;
import dev.llmqm.schemas.WindowAggregate;
import dev.llmqm.schemas.serde.AvroWireSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/** The monitor's topics with their key and value serdes. */
public record MonitorTopics(
    Topic<String, LlmTraceEvent> traces,
    Topic<String, LlmTraceEvent> dlq,
    Topic<String, LlmTraceEvent> quarantine,
    Topic<String, LlmTraceEvent> samples,
    Topic<String, ScoredTrace> scores,
    Topic<String, WindowAggregate> aggregates,
    Topic<String, QualityAlert> alerts) {

  /** Builds the topics of {@code config}, with serdes talking to its Schema Registry. */
  public static MonitorTopics of(MonitorConfig config) {
    Map<String, Object> registry = config.registryClientConfigs();
    MonitorConfig.Topics t = config.topics();
    return new MonitorTopics(
        new Topic<>(t.traces(), Serdes.String(), serde(LlmTraceEvent.class, registry)),
        new Topic<>(t.dlq(), Serdes.String(), serde(LlmTraceEvent.class, registry)),
        new Topic<>(t.quarantine(), Serdes.String(), serde(LlmTraceEvent.class, registry)),
        new Topic<>(t.samples(), Serdes.String(), serde(LlmTraceEvent.class, registry)),
        new Topic<>(t.scores(), Serdes.String(), serde(ScoredTrace.class, registry)),
        new Topic<>(t.aggregates(), Serdes.String(), serde(WindowAggregate.class, registry)),
        new Topic<>(t.alerts(), Serdes.String(), serde(QualityAlert.class, registry)));
  }

  private static <T extends SpecificRecord> AvroWireSerde<T> serde(Class<T> type, Map<String, Object> registry) {
    AvroWireSerde<T> serde = new AvroWireSerde<>(type);
    serde.configure(registry, false);
    return serde;
  }
}
