package dev.llmqm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmqm.MonitorConfig;
import dev.llmqm.MonitorService;
import dev.llmqm.fixtures.TraceEvents;
import dev.llmqm.ingest.DlqHeaders;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.registry.InMemorySchemaRegistry;
import dev.llmqm.schemas.serde.AvroWireSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The monitor against a real in-JVM KRaft broker: valid and poison events through the real serdes. */
class MonitorPipelineIT {
  private static final String SCOPE = "pipeline-it";
  private static TestCluster cluster;
  private static MonitorService service;
  private static MonitorConfig config;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    Path state = Files.createTempDirectory("llmqm-it-state-");
    config = MonitorConfig.fromMap(Map.of(
        "monitor.kafka.bootstrap.servers", cluster.bootstrapServers(),
        "monitor.schema.registry.url", "mock://" + SCOPE,
        "monitor.state.dir", state.toString(),
        "monitor.http.host", "127.0.0.1",
        "monitor.http.port", "0",
        "monitor.stream.threads", "1",
        "monitor.topic.partitions", "2"));
    service = MonitorService.start(config);
    await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldCountValidEventsAndDeadLetterPoisonWhileStayingRunning() throws Exception {
    long now = System.currentTimeMillis();
    byte[] badMagic = "{\"event_id\":\"plain-json\"}".getBytes(StandardCharsets.UTF_8);
    byte[] truncated = {0, 0, 0};
    byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 2, 4, 6};
    try (KafkaProducer<String, LlmTraceEvent> events = eventProducer();
        KafkaProducer<String, byte[]> raw = rawProducer()) {
      for (int i = 0; i < 20; i++) {
        LlmTraceEvent e = TraceEvents.valid("ok-" + i, now + i).build();
        events.send(new ProducerRecord<>(config.topics().traces(), e.getTraceId(), e));
      }
      LlmTraceEvent backwards = TraceEvents.valid("bad-time", now)
          .setStartTime(Instant.ofEpochMilli(now + 2_000)).build();
      LlmTraceEvent negativeCost = TraceEvents.valid("bad-cost", now).setCostUsd(-1.0).build();
      events.send(new ProducerRecord<>(config.topics().traces(), "k", backwards));
      events.send(new ProducerRecord<>(config.topics().traces(), "k", negativeCost));
      raw.send(new ProducerRecord<>(config.topics().traces(), "p1", badMagic));
      raw.send(new ProducerRecord<>(config.topics().traces(), "p2", truncated));
      raw.send(new ProducerRecord<>(config.topics().traces(), "p3", unknownId));
    }

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(count("llm.events", "outcome", "valid")).isEqualTo(20.0);
      assertThat(count("llm.events", "outcome", "invalid")).isEqualTo(2.0);
      assertThat(count("llm.events", "outcome", "undecodable")).isEqualTo(3.0);
    });

    List<ConsumerRecord<byte[], byte[]>> dlq = readAll(config.topics().dlq(), 5);
    assertThat(dlq).hasSize(5);
    List<String> reasons = new ArrayList<>();
    List<byte[]> undecodable = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : dlq) {
      String reason = header(r.headers().lastHeader(DlqHeaders.REASON));
      if (reason != null) {
        reasons.add(reason);
      } else {
        assertThat(header(r.headers().lastHeader("__streams.errors.exception"))).isNotBlank();
        undecodable.add(r.value());
      }
    }
    assertThat(reasons).containsExactlyInAnyOrder("invalid_time", "invalid_usage");
    assertThat(undecodable).containsExactlyInAnyOrder(badMagic, truncated, unknownId);
    assertThat(count("llm.dlq.events", "reason", "undecodable")).isEqualTo(3.0);
    assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ready = http.send(get("/health/ready"), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> metrics = http.send(get("/metrics"), HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
    assertThat(metrics.body())
        .contains("llm_events_total{model=\"gpt-4o-mini\",outcome=\"valid\",service=\"support-bot\"} 20.0")
        .contains("llm_pipeline_streams_running 1.0");
    assertThat(promtoolCheckMetrics(metrics.body())).as("promtool check metrics on a scrape").isEmpty();
  }

  /** promtool's findings on an exposition (empty when clean); skips the check when promtool is absent. */
  static String promtoolCheckMetrics(String exposition) throws Exception {
    boolean installed = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
    org.junit.jupiter.api.Assumptions.assumeTrue(installed, "promtool is not installed (.ci/run installs it)");
    Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.waitFor() == 0 ? "" : "exit " + p.exitValue() + ": " + out;
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build();
  }

  private static double count(String name, String tag, String value) {
    return service.registry().find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private static KafkaProducer<String, LlmTraceEvent> eventProducer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
        new StringSerializer(), new AvroWireSerializer<>(InMemorySchemaRegistry.forScope(SCOPE), true, false));
  }

  private static KafkaProducer<String, byte[]> rawProducer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer());
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + topic,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (out.size() < expected && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(out::add);
      }
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }

  private static String header(Header h) {
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
