package dev.llmqm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqm.ingest.MonitorTopics;
import dev.llmqm.metrics.MonitorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The topology's description is pinned in a golden file so that every topology change (new
 * processors, renamed stores or internal topics, which break running deployments) is a reviewed
 * diff. Regenerate with {@code -Dgolden.update=true}.
 */
class TopologyGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/topology.txt");

  @Test
  void topologyShouldMatchTheGoldenFile() throws IOException {
    MonitorConfig config = MonitorConfig.fromMap(Map.of("monitor.schema.registry.url", "mock://golden-topology"));
    String described = MonitorTopology.build(config, MonitorTopics.of(config), new MonitorMetrics(new SimpleMeterRegistry()))
        .describe().toString();
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, described);
    }
    assertThat(described).isEqualTo(Files.readString(GOLDEN));
  }

  @Test
  void everyStatefulResourceShouldBeNamedExplicitly() {
    MonitorConfig config = MonitorConfig.fromMap(Map.of("monitor.schema.registry.url", "mock://golden-topology"));
    String described = MonitorTopology.build(config, MonitorTopics.of(config), new MonitorMetrics(new SimpleMeterRegistry()))
        .describe().toString();
    assertThat(described).doesNotContain("KSTREAM-").doesNotContain("KTABLE-").contains("pane-store");
  }
}
