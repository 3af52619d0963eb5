package dev.llmqm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmqm.MonitorConfig;
import dev.llmqm.embedded.Regression;
import dev.llmqm.embedded.TrafficGenerator;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.json.AvroJson;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event-level scenarios through the whole topology with {@code replay}: thin stationary traffic must
 * stay quiet, and injected step changes must be alerted in the right segment within 10 minutes of
 * event time.
 */
class ReplayScenarioTest {
  static final long T0 = 1_767_225_600_000L;
  static final long MINUTE = 60_000L;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void stationaryThinTrafficShouldRaiseAtMostOneAlertInTwoHours() throws IOException {
    List<JsonNode> alerts = replay(new TrafficGenerator(11, 8, List.of()), 125, "stationary");

    assertThat(alerts.stream().filter(a -> a.get("state").asText().equals("FIRING")).toList())
        .as("false alarms on stationary traffic").hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void stepChangesShouldBeAlertedInTheirSegmentWithinTenMinutes() throws IOException {
    long onset = T0 + 75 * MINUTE;
    List<Regression> regressions = List.of(
        new Regression(Regression.Kind.LATENCY, onset, 3.0, "search-assistant", "gemini-2.5-flash", null, null, null),
        new Regression(Regression.Kind.COST, onset, 4.0, "support-bot", null, null, null, "globex"),
        new Regression(Regression.Kind.UNGROUNDED, onset, 0.6, "support-bot", null, "v7", "canary", null),
        new Regression(Regression.Kind.INJECTION, onset, 0.10, "search-assistant", null, null, null, null),
        new Regression(Regression.Kind.PII, onset, 0.05, "code-helper", null, null, null, null));

    List<JsonNode> alerts = replay(new TrafficGenerator(12, 12, regressions), 95, "steps");

    assertAlerted(alerts, "latency", onset, Map.of("service_name", "search-assistant", "request_model", "gemini-2.5-flash"));
    assertAlerted(alerts, "cost", onset, Map.of("service_name", "support-bot", "tenant_id", "globex"));
    assertAlerted(alerts, "groundedness", onset, Map.of("service_name", "support-bot", "prompt_template_version", "v7"));
    assertAlerted(alerts, "injection", onset, Map.of("service_name", "search-assistant"));
    assertAlerted(alerts, "pii", onset, Map.of("service_name", "code-helper"));
    for (JsonNode a : alerts) {
      assertThat(a.toString()).doesNotContain("Ignore all previous").doesNotContain("@example.com");
    }
  }

  private static void assertAlerted(List<JsonNode> alerts, String signal, long onset, Map<String, String> segment) {
    List<JsonNode> matching = new ArrayList<>();
    for (JsonNode a : alerts) {
      if (a.get("signal").asText().equals(signal) && a.get("state").asText().equals("FIRING")
          && a.get("window_end").asLong() <= onset + 10 * MINUTE) {
        boolean all = segment.entrySet().stream()
            .allMatch(e -> a.path("segment").path(e.getKey()).asText("").equals(e.getValue()));
        if (all) {
          matching.add(a);
        }
      }
    }
    assertThat(matching).as("%s alert on %s within 10 minutes; alerts were %s", signal, segment, alerts).isNotEmpty();
  }

  private List<JsonNode> replay(TrafficGenerator generator, int minutes, String name) throws IOException {
    Path input = dir.resolve(name + ".jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      for (long t = T0; t < T0 + minutes * MINUTE; t += 1000) {
        for (LlmTraceEvent e : generator.between(t, t + 1000)) {
          w.write(AvroJson.toJsonString(e));
          w.newLine();
        }
      }
    }
    Path aggregates = dir.resolve(name + "-aggregates.jsonl");
    Path alertsOut = dir.resolve(name + "-alerts.jsonl");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ReplayCommand.Result result = new ReplayCommand(MonitorConfig.fromMap(Map.of()))
        .run(input, aggregates, alertsOut, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(result.malformed()).isZero();
    assertThat(result.aggregates()).isPositive();
    List<JsonNode> alerts = new ArrayList<>();
    for (String line : Files.readAllLines(alertsOut)) {
      alerts.add(JSON.readTree(line));
    }
    return alerts;
  }
}
