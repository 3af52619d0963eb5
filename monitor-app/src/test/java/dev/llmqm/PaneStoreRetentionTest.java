package dev.llmqm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaneStoreRetentionTest {
  private static MonitorConfig config(String size, String grace) {
    return MonitorConfig.fromMap(Map.of("monitor.schema.registry.url", "mock://retention",
        "monitor.window.size", size, "monitor.window.grace", grace));
  }

  @Test
  void defaultWindowsShouldKeepTheFirstCacheWalkFromEpochShort() {
    Duration retention = MonitorTopology.paneStoreRetention(config("PT1M", "PT30S"));
    // Kafka Streams gives an emit-on-close store segments of half its retention, and its record cache steps
    // through them one by one from time 0 at a task's first emission
    long segment = retention.toMillis() / 2;
    long stepsUntil2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli() / segment;
    assertThat(stepsUntil2100).isLessThan(2_500_000);
  }

  @Test
  void windowsLongerThanTheMinimumShouldBeKeptUntilTheyClose() {
    assertThat(MonitorTopology.paneStoreRetention(config("PT2H", "PT10M"))).isEqualTo(Duration.ofMinutes(130));
    assertThat(MonitorTopology.paneStoreRetention(config("PT5M", "PT1M"))).isEqualTo(Duration.ofHours(1));
  }
}
