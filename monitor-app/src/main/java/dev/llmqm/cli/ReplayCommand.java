package dev.llmqm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmqm.MonitorConfig;
import dev.llmqm.MonitorTopology;
import dev.llmqm.ingest.MonitorTopics;
import dev.llmqm.ingest.StreamsSettings;
import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.QualityAlert;
import dev.llmqm.schemas.WindowAggregate;
import dev.llmqm.schemas.json.AvroJson;
import dev.llmqm.schemas.json.JsonContractException;
import dev.llmqm.schemas.registry.InMemorySchemaRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * {@code replay}: runs the monitor's own topology offline over recorded events in event time (no
 * broker), with Kafka Streams' test driver, and writes the closed panes and the alerts as JSON
 * lines. Deterministic: the same input gives the same output. Events should be roughly ordered by
 * {@code end_time}; events later than the grace period are counted as late, as in the service.
 */
public final class ReplayCommand {

  /** What a replay read and wrote. */
  public record Result(long lines, long events, long malformed, long aggregates, long alerts, double lateEvents, double deadLettered) {}

  private final MonitorConfig base;

  public ReplayCommand(MonitorConfig base) {
    this.base = base;
  }

  public Result run(Path input, Path aggregatesOut, Path alertsOut, PrintStream err) throws IOException {
    String scope = "replay-" + System.nanoTime();
    Path state = Files.createTempDirectory("llmqm-replay-");
    Map<String, String> overrides = new HashMap<>();
    overrides.put("monitor.schema.registry.url", "mock://" + scope);
    overrides.put("monitor.state.dir", state.toString());
    overrides.put("monitor.processing.guarantee", "at_least_once");
    overrides.put("monitor.window.grace", base.windowGrace().toString());
    overrides.put("monitor.window.size", base.windowSize().toString());
    overrides.put("monitor.detection.enabled", Boolean.toString(base.detectionEnabled()));
    MonitorConfig config = MonitorConfig.fromMap(overrides);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MonitorMetrics metrics = new MonitorMetrics(registry);
    MonitorTopics topics = MonitorTopics.of(config);
    Properties props = StreamsSettings.of(config, metrics);
    long lines = 0;
    long events = 0;
    long malformed = 0;
    long[] written = new long[2];
    try (TopologyTestDriver driver = new TopologyTestDriver(
            MonitorTopology.build(config, topics, metrics, dev.llmqm.window.PriceCatalog.builtIn(), MonitorTopology.StoreKind.IN_MEMORY),
            props, Instant.EPOCH);
        BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        BufferedWriter aggOut = writer(aggregatesOut);
        BufferedWriter alertOut = writer(alertsOut)) {
      TestInputTopic<String, LlmTraceEvent> traces = driver.createInputTopic(
          topics.traces().name(), new StringSerializer(), topics.traces().valueSerde().serializer());
      TestOutputTopic<String, WindowAggregate> aggregates = driver.createOutputTopic(
          topics.aggregates().name(), new StringDeserializer(), topics.aggregates().valueSerde().deserializer());
      TestOutputTopic<String, QualityAlert> alerts = driver.createOutputTopic(
          topics.alerts().name(), new StringDeserializer(), topics.alerts().valueSerde().deserializer());
      List<TestOutputTopic<byte[], byte[]>> discarded = new ArrayList<>();
      for (String topic : List.of(topics.samples().name(), topics.scores().name(), topics.dlq().name(), topics.quarantine().name())) {
        discarded.add(driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
      }
      String line;
      while ((line = in.readLine()) != null) {
        lines++;
        if (line.isBlank()) {
          continue;
        }
        LlmTraceEvent event;
        try {
          event = AvroJson.fromJson(line, LlmTraceEvent.class);
        } catch (JsonContractException e) {
          malformed++;
          err.println("line " + lines + ": " + e.getMessage());
          continue;
        }
        traces.pipeInput(event.getTraceId(), event, event.getEndTime());
        events++;
        if (events % 2048 == 0) {
          drain(aggregates, alerts, aggOut, alertOut, written);
          for (TestOutputTopic<byte[], byte[]> topic : discarded) {
            topic.readRecordsToList();
          }
        }
      }
      drain(aggregates, alerts, aggOut, alertOut, written);
      driver.advanceWallClockTime(Duration.ofHours(1));
      drain(aggregates, alerts, aggOut, alertOut, written);
    } finally {
      InMemorySchemaRegistry.dropScope(scope);
      dev.llmqm.embedded.DemoFiles.deleteRecursively(state);
    }
    double late = registry.find("llm.late.events").counters().stream().mapToDouble(c -> c.count()).sum();
    double dlq = registry.find("llm.dlq.events").counters().stream().mapToDouble(c -> c.count()).sum();
    return new Result(lines, events, malformed, written[0], written[1], late, dlq);
  }

  private static void drain(TestOutputTopic<String, WindowAggregate> aggregates, TestOutputTopic<String, QualityAlert> alerts,
      Writer aggOut, Writer alertOut, long[] written) throws IOException {
    while (!aggregates.isEmpty()) {
      WindowAggregate a = aggregates.readValue();
      if (aggOut != null) {
        ObjectNode json = AvroJson.toJson(a);
        stripSketch(json, "latency_ms");
        stripSketch(json, "ttft_ms");
        aggOut.write(json.toString());
        aggOut.write('\n');
      }
      written[0]++;
    }
    while (!alerts.isEmpty()) {
      QualityAlert a = alerts.readValue();
      if (alertOut != null) {
        alertOut.write(AvroJson.toJsonString(a));
        alertOut.write('\n');
      }
      written[1]++;
    }
  }

  private static void stripSketch(ObjectNode json, String field) {
    if (json.get(field) instanceof ObjectNode q) {
      q.remove("sketch");
    }
  }

  private static BufferedWriter writer(Path p) throws IOException {
    return p == null ? null : Files.newBufferedWriter(p, StandardCharsets.UTF_8);
  }
}
