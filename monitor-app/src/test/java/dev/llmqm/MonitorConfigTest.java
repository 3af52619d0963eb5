package dev.llmqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorConfigTest {

  @Test
  void shouldUseDocumentedDefaults() {
    MonitorConfig c = MonitorConfig.load(null, Map.of());

    assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(c.processingGuarantee()).isEqualTo("exactly_once_v2");
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.topics().traces()).isEqualTo("llm.traces.v1");
    assertThat(c.topics().dlq()).isEqualTo("llm.traces.dlq.v1");
    assertThat(c.topics().quarantine()).isEqualTo("llm.traces.quarantine.v1");
    assertThat(c.windowSize()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.windowGrace()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldLayerFileThenEnvironment(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("monitor.properties");
    Files.writeString(file, String.join("\n",
        "monitor.http.port=9000",
        "monitor.sampling.rate=0.5",
        "monitor.window.grace=45s",
        "kafka.security.protocol=SASL_SSL"));

    MonitorConfig c = MonitorConfig.load(file, Map.of(
        "MONITOR_SAMPLING_RATE", "0.25",
        "KAFKA_SASL_MECHANISM", "PLAIN",
        "MONITOR_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "svc:hunter2",
        "PATH", "/usr/bin"));

    assertThat(c.httpPort()).isEqualTo(9000);
    assertThat(c.samplingRate()).isEqualTo(0.25);
    assertThat(c.windowGrace()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.kafkaClient()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
    assertThat(c.registryClientConfigs())
        .containsEntry("basic.auth.user.info", "svc:hunter2")
        .containsEntry("basic.auth.credentials.source", "USER_INFO");
    assertThat(c.describe()).doesNotContain("hunter2").contains("****");
  }

  @Test
  void shouldReportEveryProblemAtOnce() {
    assertThatThrownBy(() -> MonitorConfig.load(null, Map.of(
            "MONITOR_HTTP_PORT", "eighty",
            "MONITOR_SAMPLING_RATE", "1.5",
            "MONITOR_PROCESSING_GUARANTEE", "maybe_once",
            "MONITOR_WINDOW_SIZE", "soon",
            "MONITOR_TOPIC_ALERTS", "",
            "MONITOR_SAMPLNG_RATE", "0.1")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "unknown setting 'monitor.samplng.rate'",
            "monitor.http.port must be an integer, was 'eighty'",
            "monitor.sampling.rate must be between 0.0 and 1.0, was 1.5",
            "monitor.processing.guarantee must be one of [at_least_once, exactly_once_v2], was 'maybe_once'",
            "monitor.window.size must be a duration like PT30S, 30s or 1m, was 'soon'",
            "monitor.topic.alerts must not be empty"));
  }

  @Test
  void shouldRejectDuplicateTopicNames() {
    assertThatThrownBy(() -> MonitorConfig.fromMap(Map.of("monitor.topic.dlq", "llm.traces.v1")))
        .hasMessageContaining("topic names must be distinct");
  }

  @Test
  void shouldKeepTheAnalysisWindowWithinTheFieldCap() {
    MonitorConfig defaults = MonitorConfig.load(null, Map.of());
    assertThat(defaults.scoringMaxAnalysedChars()).isEqualTo(4096);
    assertThat(defaults.scoringMaxFieldChars()).isEqualTo(16384);

    assertThatThrownBy(() -> MonitorConfig.load(null, Map.of(
            "MONITOR_SCORING_MAX_FIELD_CHARS", "2048", "MONITOR_SCORING_MAX_ANALYSED_CHARS", "4096")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
            "monitor.scoring.max.analysed.chars (4096) must not exceed monitor.scoring.max.field.chars (2048)"));
  }

  @Test
  void readmeShouldDocumentEverySetting() throws IOException {
    String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
    for (MonitorConfig.Setting s : MonitorConfig.SETTINGS) {
      assertThat(readme).as("README configuration table").contains("`" + s.envVar() + "`").contains("`" + s.key() + "`");
    }
  }
}
