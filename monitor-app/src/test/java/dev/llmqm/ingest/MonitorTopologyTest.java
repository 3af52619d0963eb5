package dev.llmqm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqm.MonitorConfig;
import dev.llmqm.MonitorTopology;
import dev.llmqm.fixtures.TraceEvents;
import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.registry.InMemorySchemaRegistry;
import dev.llmqm.schemas.serde.AvroWireSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonitorTopologyTest {
  private final String scope = "topology-test-" + System.nanoTime();
  private SimpleMeterRegistry registry;
  private MonitorMetrics metrics;
  private TopologyTestDriver driver;
  private TestInputTopic<String, LlmTraceEvent> traces;
  private TestInputTopic<String, byte[]> rawTraces;
  private TestOutputTopic<String, LlmTraceEvent> dlq;
  private MonitorTopics topics;

  @BeforeEach
  void setUp() {
    MonitorConfig config = MonitorConfig.fromMap(Map.of(
        "monitor.schema.registry.url", "mock://" + scope,
        "monitor.state.dir", System.getProperty("java.io.tmpdir") + "/llmqm-ttd-" + scope));
    registry = new SimpleMeterRegistry();
    metrics = new MonitorMetrics(registry);
    topics = MonitorTopics.of(config);
    driver = new TopologyTestDriver(MonitorTopology.build(config, topics, metrics), StreamsSettings.of(config, metrics));
    traces = driver.createInputTopic(topics.traces().name(), new StringSerializer(), topics.traces().valueSerde().serializer());
    rawTraces = driver.createInputTopic(topics.traces().name(), new StringSerializer(), new ByteArraySerializer());
    dlq = driver.createOutputTopic(topics.dlq().name(), new StringDeserializer(), topics.dlq().valueSerde().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
    InMemorySchemaRegistry.dropScope(scope);
  }

  @Test
  void shouldCountValidEventsByServiceModelAndOutcome() {
    traces.pipeInput("k1", TraceEvents.valid("e1", TraceEvents.T0).build(), TraceEvents.T0);
    traces.pipeInput("k2", TraceEvents.valid("e2", TraceEvents.T0 + 10).build(), TraceEvents.T0 + 10);

    assertThat(count("support-bot", "gpt-4o-mini", "valid")).isEqualTo(2.0);
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void shouldRouteInvalidEventsToDlqWithReasonHeaders() {
    LlmTraceEvent backwards = TraceEvents.valid("e-bad", TraceEvents.T0)
        .setStartTime(Instant.ofEpochMilli(TraceEvents.T0 + 5_000)).build();
    LlmTraceEvent negative = TraceEvents.valid("e-neg", TraceEvents.T0).setOutputTokens(-3L).build();
    LlmTraceEvent blank = TraceEvents.valid("e-blank", TraceEvents.T0).setTenantId(" ").build();

    traces.pipeInput("k", backwards, TraceEvents.T0);
    traces.pipeInput("k", negative, TraceEvents.T0);
    traces.pipeInput("k", blank, TraceEvents.T0);

    List<TestRecord<String, LlmTraceEvent>> out = dlq.readRecordsToList();
    assertThat(out).extracting(r -> r.value().getEventId()).containsExactly("e-bad", "e-neg", "e-blank");
    assertThat(header(out.get(0), DlqHeaders.REASON)).isEqualTo("invalid_time");
    assertThat(header(out.get(0), DlqHeaders.DETAIL)).isEqualTo("end_time is 5000 ms before start_time");
    assertThat(header(out.get(0), DlqHeaders.SOURCE_TOPIC)).isEqualTo("llm.traces.v1");
    assertThat(header(out.get(1), DlqHeaders.REASON)).isEqualTo("invalid_usage");
    assertThat(header(out.get(2), DlqHeaders.REASON)).isEqualTo("missing_field");
    assertThat(header(out.get(2), DlqHeaders.DETAIL)).isEqualTo("tenant_id is empty");
    assertThat(count("support-bot", "gpt-4o-mini", "invalid")).isEqualTo(3.0);
    assertThat(dlqCount("invalid_time")).isEqualTo(1.0);
    assertThat(dlqCount("missing_field")).isEqualTo(1.0);
  }

  @Test
  void shouldRouteOversizedTextToDlqWithoutTheTextInHeaders() {
    String secret = "x".repeat(300_000);
    traces.pipeInput("k", TraceEvents.valid("e-big", TraceEvents.T0).setResponse(secret).build(), TraceEvents.T0);

    TestRecord<String, LlmTraceEvent> out = dlq.readRecord();
    assertThat(header(out, DlqHeaders.REASON)).isEqualTo("text_too_large");
    assertThat(header(out, DlqHeaders.DETAIL)).isEqualTo("response has 300000 chars, limit 262144");
  }

  @Test
  void shouldCountUndecodableEventsAndKeepRunning() {
    byte[] badMagic = "{\"event_id\":\"json-not-avro\"}".getBytes(StandardCharsets.UTF_8);
    byte[] truncated = {0, 0, 0};
    byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 2, 3};

    rawTraces.pipeInput("p1", badMagic, TraceEvents.T0);
    rawTraces.pipeInput("p2", truncated, TraceEvents.T0);
    rawTraces.pipeInput("p3", unknownId, TraceEvents.T0);
    traces.pipeInput("ok", TraceEvents.valid("after-poison", TraceEvents.T0).build(), TraceEvents.T0);

    // TopologyTestDriver does not forward the Streams DLQ records of deserialization errors;
    // MonitorPipelineIT asserts their contents against a real broker.
    assertThat(count("unknown", "unknown", "undecodable")).isEqualTo(3.0);
    assertThat(dlqCount("undecodable")).isEqualTo(3.0);
    assertThat(count("support-bot", "gpt-4o-mini", "valid")).isEqualTo(1.0);
  }

  @Test
  void shouldKeepEventsFromUnregisteredButValidProducersFlowing() {
    var serializer = new AvroWireSerializer<LlmTraceEvent>(InMemorySchemaRegistry.forScope(scope), true, false);
    byte[] bytes = serializer.serialize("other-topic", TraceEvents.valid("e-x", TraceEvents.T0).build());

    rawTraces.pipeInput("k", bytes, TraceEvents.T0);

    assertThat(count("support-bot", "gpt-4o-mini", "valid")).isEqualTo(1.0);
  }

  @Test
  void shouldDeadLetterEventsFarAheadOfTheirRecordTimestamp() {
    long recordTime = TraceEvents.T0;
    LlmTraceEvent skewed = TraceEvents.valid("e-future", recordTime + 2 * 3_600_000L).build();

    traces.pipeInput("k", skewed, recordTime);

    TestRecord<String, LlmTraceEvent> out = dlq.readRecord();
    assertThat(header(out, DlqHeaders.REASON)).isEqualTo("invalid_time");
    assertThat(header(out, DlqHeaders.DETAIL)).startsWith("end_time is 7200000 ms ahead of the record timestamp");
    assertThat(out.timestamp()).isEqualTo(recordTime);
  }

  @Test
  void shouldUseEndTimeAsEventTimeWhateverTheRecordTimestamp() {
    var aggregates = driver.createOutputTopic(topics.aggregates().name(), new StringDeserializer(),
        topics.aggregates().valueSerde().deserializer());
    long wallClockTimestamp = TraceEvents.T0 + 600_000;

    traces.pipeInput("k1", TraceEvents.valid("e1", TraceEvents.T0 + 5_000).build(), wallClockTimestamp);
    traces.pipeInput("k2", TraceEvents.valid("e2", TraceEvents.T0 + 200_000).build(), wallClockTimestamp);

    var pane = aggregates.readValue();
    assertThat(pane.getWindowStart().toEpochMilli()).isEqualTo(TraceEvents.T0);
    assertThat(pane.getCount()).isEqualTo(1L);
  }

  private double count(String service, String model, String outcome) {
    var c = registry.find("llm.events").tags("service", service, "model", model, "outcome", outcome).counter();
    return c == null ? 0.0 : c.count();
  }

  private double dlqCount(String reason) {
    var c = registry.find("llm.dlq.events").tags("reason", reason).counter();
    return c == null ? 0.0 : c.count();
  }

  private static String header(TestRecord<?, ?> record, String key) {
    return headerOf(record.headers().lastHeader(key));
  }

  private static String headerOf(Header h) {
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
