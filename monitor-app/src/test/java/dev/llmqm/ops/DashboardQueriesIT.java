package dev.llmqm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmqm.MonitorConfig;
import dev.llmqm.MonitorService;
import dev.llmqm.embedded.DemoTraffic;
import dev.llmqm.embedded.Regression;
import dev.llmqm.embedded.TrafficGenerator;
import dev.llmqm.it.TestCluster;
import dev.llmqm.schemas.ContentMode;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.registry.InMemorySchemaRegistry;
import dev.llmqm.schemas.serde.AvroWireSerializer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard query against a real Prometheus that scrapes the running monitor (real broker,
 * accelerated synthetic traffic with injected regressions, poison and late events): a query that
 * returns no data names a series or label the monitor does not produce.
 */
class DashboardQueriesIT {
  private static final String SCOPE = "dashboards-it";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path tmp;

  @Test
  void everyDashboardQueryShouldReturnData() throws Exception {
    OpsFiles.assumeBinary("prometheus");
    Process prometheus = null;
    try (TestCluster cluster = new TestCluster()) {
      MonitorConfig config = MonitorConfig.fromMap(Map.of(
          "monitor.kafka.bootstrap.servers", cluster.bootstrapServers(),
          "monitor.schema.registry.url", "mock://" + SCOPE,
          "monitor.state.dir", Files.createDirectories(tmp.resolve("state")).toString(),
          "monitor.http.host", "127.0.0.1",
          "monitor.http.port", "0",
          "monitor.stream.threads", "1",
          "monitor.topic.partitions", "1",
          "monitor.segment.max.tenants", "5"));
      try (MonitorService service = MonitorService.start(config);
          KafkaProducer<String, LlmTraceEvent> producer = new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20),
              new StringSerializer(), new AvroWireSerializer<>(InMemorySchemaRegistry.forScope(SCOPE), true, false))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
        long start = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();
        long onset = start + 70 * 60_000L;
        List<Regression> regressions = List.of(
            new Regression(Regression.Kind.LATENCY, onset, 4.0, "search-assistant", "gemini-2.5-flash", null, null, null),
            new Regression(Regression.Kind.PII, onset, 0.05, "support-bot", null, null, null, null),
            new Regression(Regression.Kind.ERRORS, onset, 0.2, "code-helper", null, null, null, null));
        DemoTraffic traffic = new DemoTraffic(new TrafficGenerator(3, 10, regressions), 120, start,
            e -> producer.send(new ProducerRecord<>(config.topics().traces(), null, e.getEndTime().toEpochMilli(), e.getTraceId(), e))).start();
        int port = freePort();
        prometheus = startPrometheus(service.httpPort(), port);
        try {
          sendPoisonAndLateEvents(cluster.bootstrapServers(), config, producer, start);
          Map<String, String> queries = DashboardsTest.dashboardExpressions();
          assertThat(queries).isNotEmpty();
          Map<String, String> empty = new TreeMap<>(queries);
          long deadline = System.currentTimeMillis() + Duration.ofMinutes(4).toMillis();
          for (int round = 1; !empty.isEmpty() && System.currentTimeMillis() < deadline; round++) {
            Thread.sleep(2_000);
            empty.entrySet().removeIf(q -> hasData(port, DashboardsTest.concrete(q.getValue())));
            if (round % 10 == 0) {
              sendPoisonAndLateEvents(cluster.bootstrapServers(), config, producer, start);
            }
          }
          assertThat(empty).as("dashboard queries without data after %d events", traffic.sent()).isEmpty();
        } finally {
          traffic.close();
        }
      }
    } finally {
      if (prometheus != null) {
        prometheus.destroy();
        prometheus.waitFor();
      }
      InMemorySchemaRegistry.dropScope(SCOPE);
    }
  }

  private void sendPoisonAndLateEvents(String bootstrap, MonitorConfig config, KafkaProducer<String, LlmTraceEvent> producer, long start) {
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new StringSerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(config.topics().traces(), "poison", "not avro".getBytes(StandardCharsets.UTF_8)));
    }
    LlmTraceEvent late = new TrafficGenerator(99, 1, List.of()).next(start);
    producer.send(new ProducerRecord<>(config.topics().traces(), late.getTraceId(), late));
    // Old event times: late for the panes, so they cannot move stream time past the traffic.
    LlmTraceEvent invalid = new TrafficGenerator(98, 1, List.of()).next(start);
    invalid.setStartTime(invalid.getEndTime().plusSeconds(5));
    producer.send(new ProducerRecord<>(config.topics().traces(), invalid.getTraceId(), invalid));
    LlmTraceEvent leak = new TrafficGenerator(97, 1, List.of()).next(start);
    leak.setContentMode(ContentMode.REDACTED);
    leak.setResponse("Reach the owner at jane.doe@example.com today.");
    producer.send(new ProducerRecord<>(config.topics().traces(), leak.getTraceId(), leak));
    producer.flush();
  }

  private Process startPrometheus(int monitorPort, int port) throws IOException {
    Path rules = OpsFiles.alertsDir().resolve("rules");
    String config = String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "rule_files:",
        "  - " + rules.resolve("recording.yml"),
        "  - " + rules.resolve("alerts.yml"),
        "scrape_configs:",
        "  - job_name: llm-quality-monitor",
        "    static_configs:",
        "      - targets: ['127.0.0.1:" + monitorPort + "']",
        "");
    Path file = tmp.resolve("prometheus.yml");
    Files.writeString(file, config);
    return new ProcessBuilder("prometheus", "--config.file=" + file,
        "--storage.tsdb.path=" + Files.createDirectories(tmp.resolve("tsdb")),
        "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
  }

  private static boolean hasData(int port, String promql) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return false;
      }
      JsonNode result = OpsFiles.JSON.readTree(r.body()).path("data").path("result");
      return result.isArray() ? result.size() > 0 : !result.isMissingNode();
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
