package dev.llmqm;

import dev.llmqm.ingest.Checked;
import dev.llmqm.ingest.EventValidator;
import dev.llmqm.ingest.MonitorTopics;
import dev.llmqm.ingest.Stages;
import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.schemas.LlmTraceEvent;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The monitor's topology as one pure function of its configuration: no I/O, no environment.
 *
 * <pre>
 * traces-source ─► validate ─┬─ invalid ─► dlq-sink (reason headers)
 *                            └─ valid ───► …
 * </pre>
 */
public final class MonitorTopology {
  private MonitorTopology() {}

  public static Topology build(MonitorConfig config, MonitorTopics topics, MonitorMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    EventValidator validator = new EventValidator(config.maxFieldChars(), config.maxContextChunks());

    KStream<String, Checked> checked =
        builder.stream(topics.traces().name(), topics.traces().consumed("traces-source"))
            .processValues(Stages.validate(validator, metrics), Named.as("validate"));

    Map<String, KStream<String, Checked>> branches =
        checked.split(Named.as("validation-"))
            .branch((key, value) -> value.valid(), Branched.as("valid"))
            .defaultBranch(Branched.as("invalid"));

    branches.get("validation-invalid")
        .mapValues(Checked::event, Named.as("invalid-event"))
        .to(topics.dlq().name(), topics.dlq().produced("dlq-sink"));

    KStream<String, LlmTraceEvent> valid =
        branches.get("validation-valid").mapValues(Checked::event, Named.as("valid-event"));
    valid.peek((k, v) -> {}, Named.as("valid-sink"));

    return builder.build();
  }
}
