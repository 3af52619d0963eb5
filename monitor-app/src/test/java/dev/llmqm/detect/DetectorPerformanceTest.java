package dev.llmqm.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A coarse guard, not a benchmark: the mean cost of onWindow over ~500 leaf panes stays well under
 * the 100 ms budget (measured on shared CI cores, so the bound is generous).
 */
class DetectorPerformanceTest {

  @Test
  void onWindowWithFiveHundredLeavesStaysUnderBudget() {
    ScenarioGenerator gen = new ScenarioGenerator(7, ScenarioGenerator.wideFleet());
    assertThat(gen.leafCount()).isEqualTo(500);
    List<List<WindowObservation>> windows = new ArrayList<>();
    for (int m = 0; m < 100; m++) {
      windows.add(gen.window(m));
    }
    RegressionDetector det = new RegressionDetector(DetectionConfig.defaults());
    long total = 0;
    int measured = 0;
    for (int m = 0; m < windows.size(); m++) {
      long t0 = System.nanoTime();
      det.onWindow(ScenarioGenerator.windowStart(m), ScenarioGenerator.windowStart(m + 1), windows.get(m));
      long dt = System.nanoTime() - t0;
      if (m >= 50) { // after JIT warm-up and with a full baseline
        total += dt;
        measured++;
      }
    }
    double meanMs = total / 1e6 / measured;
    System.out.printf("onWindow over %d panes: mean %.1f ms%n", windows.get(99).size(), meanMs);
    assertThat(meanMs).isLessThan(100.0);
  }
}
