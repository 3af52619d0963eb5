package dev.llmqm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqm.MonitorConfig;
import dev.llmqm.MonitorTopology;
import dev.llmqm.fixtures.TraceEvents;
import dev.llmqm.ingest.MonitorTopics;
import dev.llmqm.ingest.StreamsSettings;
import dev.llmqm.schemas.ContentMode;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.registry.InMemorySchemaRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * Pins the Prometheus series names the monitor exposes after a topology run that goes through
 * every path (valid, invalid, undecodable, redaction failure, late, closed panes). The golden
 * file is also the contract that alerts/ and grafana/ are checked against. Regenerate with {@code
 * -Dgolden.update=true} and review the diff.
 */
class ExposedSeriesGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/ops/exposed-series.txt");

  @Test
  void exposedSeriesShouldMatchTheGoldenFile() throws IOException {
    String scope = "golden-" + System.nanoTime();
    MonitorConfig config = MonitorConfig.fromMap(Map.of(
        "monitor.schema.registry.url", "mock://" + scope,
        "monitor.segment.max.tenants", "1",
        "monitor.state.dir", System.getProperty("java.io.tmpdir") + "/llmqm-golden-" + scope));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MonitorMetrics metrics = new MonitorMetrics(registry);
    MonitorTopics topics = MonitorTopics.of(config);
    try (TopologyTestDriver driver = new TopologyTestDriver(
        MonitorTopology.build(config, topics, metrics), StreamsSettings.of(config, metrics))) {
      TestInputTopic<String, LlmTraceEvent> in = driver.createInputTopic(
          topics.traces().name(), new StringSerializer(), topics.traces().valueSerde().serializer());
      TestInputTopic<String, byte[]> raw = driver.createInputTopic(
          topics.traces().name(), new StringSerializer(), new ByteArraySerializer());
      long t = TraceEvents.T0;
      for (int i = 0; i < 50; i++) {
        in.pipeInput("k" + i, TraceEvents.valid("e" + i, t + i * 1000L).build(), t + i * 1000L);
      }
      in.pipeInput("bad", TraceEvents.valid("bad", t).setStartTime(Instant.ofEpochMilli(t + 10_000)).build(), t);
      raw.pipeInput("poison", "not avro".getBytes(StandardCharsets.UTF_8), t);
      in.pipeInput("leak", TraceEvents.valid("leak", t + 60_000).setContentMode(ContentMode.REDACTED)
          .setResponse("Mail me at jane.doe@example.com please.").build(), t + 60_000);
      in.pipeInput("long", TraceEvents.valid("long", t + 60_200).setResponse("Long answer. ".repeat(2_000)).build(),
          t + 60_200); // longer than the 16 KB scoring cap
      in.pipeInput("tenant2", TraceEvents.valid("tenant2", t + 60_500).setTenantId("globex").build(), t + 60_500);
      in.pipeInput("err", TraceEvents.valid("err", t + 61_000).setStatus(dev.llmqm.schemas.Status.ERROR).build(), t + 61_000);
      in.pipeInput("later", TraceEvents.valid("later", t + 300_000).build(), t + 300_000);
      in.pipeInput("late", TraceEvents.valid("late", t + 1_000).build(), t + 1_000);
      driver.advanceWallClockTime(java.time.Duration.ofMinutes(5));
    } finally {
      InMemorySchemaRegistry.dropScope(scope);
    }
    metrics.alertState("latency", "warning", new SegmentLabels("svc", null, "m", null, null, null), true, "FIRING");
    metrics.scoringFailure("relevance"); // never expected in the topology, so called directly

    TreeSet<String> names = new TreeSet<>();
    for (String line : registry.scrape().split("\n")) {
      if (line.startsWith("llm_")) {
        int end = line.indexOf('{');
        names.add(end > 0 ? line.substring(0, end) : line.substring(0, line.indexOf(' ')));
      }
    }
    String rendered = String.join("\n", names) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, rendered);
    }
    List<String> golden = Arrays.stream(Files.readString(GOLDEN).split("\n")).filter(s -> !s.isBlank()).sorted().toList();
    assertThat(names).containsExactlyElementsOf(golden);
  }
}
