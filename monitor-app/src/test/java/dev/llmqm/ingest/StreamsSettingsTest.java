package dev.llmqm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqm.MonitorConfig;
import dev.llmqm.metrics.MonitorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  private final MonitorMetrics metrics = new MonitorMetrics(new SimpleMeterRegistry());

  @Test
  void shouldLeaveTheTransactionTimeoutToKafkaStreamsByDefault() {
    Properties p = StreamsSettings.of(MonitorConfig.fromMap(Map.of()), metrics);
    assertThat(p.getProperty("producer.transaction.timeout.ms")).isNull();
    assertThat(p.getProperty("transaction.timeout.ms")).isNull();
  }

  @Test
  void shouldLetTheKafkaClientSettingsOverrideTheTransactionTimeout() {
    Properties p = StreamsSettings.of(
        MonitorConfig.load(null, Map.of("KAFKA_PRODUCER_TRANSACTION_TIMEOUT_MS", "120000")), metrics);
    assertThat(p.getProperty("producer.transaction.timeout.ms")).isEqualTo("120000");
  }
}
