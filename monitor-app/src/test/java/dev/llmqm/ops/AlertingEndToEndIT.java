package dev.llmqm.ops;

import static dev.llmqm.ops.OpsFiles.list;
import static dev.llmqm.ops.OpsFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped alerting path end to end with the real binaries: a Micrometer Prometheus registry
 * served over HTTP, Prometheus scraping it and evaluating the real LlmRedactionFailure rule, and
 * Alertmanager routing the page to a webhook listener in this test.
 */
class AlertingEndToEndIT {
  private static final String ALERT = "LlmRedactionFailure";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final List<Process> processes = new ArrayList<>();
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  @TempDir Path tmp;

  @AfterEach
  void stopEverything() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    servers.forEach(s -> s.stop(0));
  }

  @Test
  void shouldPageThroughAlertmanagerWhenAQuarantineCounterIncreases() throws Exception {
    OpsFiles.assumeBinary("prometheus");
    OpsFiles.assumeBinary("prometheus-alertmanager");

    // Given the monitor's quarantine counter, exported at 0 for service "chat"
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter quarantined = Counter.builder("llm.quarantine.events").tag("service", "chat").register(registry);
    int metricsPort = serve("/metrics", exchange -> {
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    // and a webhook listener standing in for the pager and ticket bridges
    List<String> pages = new CopyOnWriteArrayList<>();
    List<String> tickets = new CopyOnWriteArrayList<>();
    int webhookPort = serve("/alerts", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      (exchange.getRequestURI().getPath().endsWith("/pager") ? pages : tickets).add(body);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    // and Alertmanager with the shipped routing, webhooks pointed here and a 1 s group_wait
    int alertmanagerPort = freePort();
    Path alertmanagerConfig = alertmanagerConfig(webhookPort);
    start("alertmanager", "prometheus-alertmanager",
        "--config.file=" + alertmanagerConfig,
        "--storage.path=" + Files.createDirectories(tmp.resolve("alertmanager-data")),
        "--web.listen-address=127.0.0.1:" + alertmanagerPort,
        "--cluster.listen-address=");
    // and Prometheus with the shipped scrape job and the real rule, every interval 1 s
    int prometheusPort = freePort();
    Path prometheusConfig = prometheusConfig(metricsPort, alertmanagerPort);
    start("prometheus", "prometheus",
        "--config.file=" + prometheusConfig,
        "--storage.tsdb.path=" + Files.createDirectories(tmp.resolve("prometheus-data")),
        "--web.listen-address=127.0.0.1:" + prometheusPort);
    awaitReady(alertmanagerPort);
    awaitReady(prometheusPort);
    awaitOrDump(Duration.ofSeconds(45), () -> assertThat(query(prometheusPort, "llm_quarantine_events_total"))
        .contains("\"service\":\"chat\""));
    assertThat(pages).isEmpty();

    // When an event is quarantined
    quarantined.increment();

    // Then the page reaches the pager webhook by name, with the rule's labels and runbook
    awaitOrDump(Duration.ofSeconds(60), () -> assertThat(pages).anySatisfy(body -> assertThat(body)
        .contains("\"alertname\":\"" + ALERT + "\"")
        .contains("\"severity\":\"critical\"")
        .contains("\"service\":\"chat\"")
        .contains("README.md#" + ALERT.toLowerCase(java.util.Locale.ROOT))
        .contains("\"status\":\"firing\"")));
    assertThat(tickets).noneMatch(b -> b.contains(ALERT));
  }

  /** The shipped prometheus.yml: the monitor job pointed at the test endpoint, 1 s intervals, one rule file. */
  private Path prometheusConfig(int metricsPort, int alertmanagerPort) throws IOException {
    Map<String, Object> config = new LinkedHashMap<>(OpsFiles.readYaml(OpsFiles.alertsDir().resolve("prometheus.yml")));
    Map<String, Object> global = new LinkedHashMap<>(map(config.get("global")));
    global.put("scrape_interval", "1s");
    global.put("scrape_timeout", "1s");
    global.put("evaluation_interval", "1s");
    config.put("global", global);
    Map<String, Object> job = null;
    for (Object j : list(config.get("scrape_configs"))) {
      if ("llm-quality-monitor".equals(map(j).get("job_name"))) {
        job = new LinkedHashMap<>(map(j));
      }
    }
    assertThat(job).as("scrape job llm-quality-monitor in alerts/prometheus.yml").isNotNull();
    job.put("scrape_interval", "1s");
    job.put("scrape_timeout", "1s");
    job.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + metricsPort))));
    config.put("scrape_configs", List.of(job));
    config.put("alerting", Map.of("alertmanagers",
        List.of(Map.of("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + alertmanagerPort)))))));
    Map<String, Object> rule = OpsFiles.alertingRules().stream()
        .filter(r -> ALERT.equals(r.get("alert")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + ALERT + " in alerts/rules"));
    Map<String, Object> testRule = new LinkedHashMap<>(rule);
    testRule.remove("for"); // fire on the first evaluation that sees the increase
    Path rules = tmp.resolve("rules.yml");
    OpsFiles.writeYaml(rules, Map.of("groups", List.of(Map.of("name", "e2e", "interval", "1s", "rules", List.of(testRule)))));
    config.put("rule_files", List.of(rules.toString()));
    Path file = tmp.resolve("prometheus.yml");
    OpsFiles.writeYaml(file, config);
    return file;
  }

  /** The shipped alertmanager.yml with every webhook pointed at the test listener and short group timers. */
  private Path alertmanagerConfig(int webhookPort) {
    Map<String, Object> config = new LinkedHashMap<>(OpsFiles.readYaml(OpsFiles.alertsDir().resolve("alertmanager.yml")));
    Map<String, Object> route = new LinkedHashMap<>(map(config.get("route")));
    shortenTimers(route);
    List<Object> routes = new ArrayList<>();
    for (Object r : list(route.get("routes"))) {
      Map<String, Object> child = new LinkedHashMap<>(map(r));
      shortenTimers(child);
      routes.add(child);
    }
    route.put("routes", routes);
    config.put("route", route);
    List<Object> receivers = new ArrayList<>();
    for (Object r : list(config.get("receivers"))) {
      Map<String, Object> receiver = new LinkedHashMap<>(map(r));
      List<Object> hooks = new ArrayList<>();
      for (Object h : list(receiver.get("webhook_configs"))) {
        Map<String, Object> hook = new LinkedHashMap<>(map(h));
        hook.put("url", "http://127.0.0.1:" + webhookPort + "/alerts/" + receiver.get("name"));
        hooks.add(hook);
      }
      receiver.put("webhook_configs", hooks);
      receivers.add(receiver);
    }
    config.put("receivers", receivers);
    Path file = tmp.resolve("alertmanager.yml");
    OpsFiles.writeYaml(file, config);
    return file;
  }

  private static void shortenTimers(Map<String, Object> route) {
    route.put("group_wait", "1s");
    route.put("group_interval", "1s");
    route.put("repeat_interval", "1m");
  }

  private int serve(String context, com.sun.net.httpserver.HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(context, handler);
    server.start();
    servers.add(server);
    return server.getAddress().getPort();
  }

  private void start(String name, String... command) throws IOException {
    Path log = tmp.resolve(name + ".log");
    logs.add(log);
    processes.add(new ProcessBuilder(command)
        .directory(tmp.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start());
  }

  private void awaitReady(int port) {
    awaitOrDump(Duration.ofSeconds(30), () -> assertThat(get(port, "/-/ready")).isNotNull());
  }

  private void awaitOrDump(Duration timeout, org.awaitility.core.ThrowingRunnable assertion) {
    try {
      await().atMost(timeout).pollInterval(Duration.ofMillis(250)).untilAsserted(assertion);
    } catch (ConditionTimeoutException e) {
      StringBuilder dump = new StringBuilder(e.getMessage());
      for (Path log : logs) {
        try {
          dump.append("\n--- ").append(log.getFileName()).append(" ---\n").append(Files.readString(log));
        } catch (IOException ignored) {
          // the process never wrote its log
        }
      }
      throw new AssertionError(dump.toString(), e);
    }
  }

  private static String query(int port, String promql) {
    return get(port, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  /** The body of a 200 response, or null while the server is not (yet) answering with 200. */
  private static String get(int port, String pathAndQuery) {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
              .timeout(Duration.ofSeconds(2))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
