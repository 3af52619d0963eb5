package dev.llmqm.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreStatsTest {

  @Test
  void shouldBeNaNWhenEmpty() {
    ScoreStats s = new ScoreStats();
    assertThat(s.count()).isZero();
    assertThat(s.mean()).isNaN();
    assertThat(s.histogram()).containsOnly(0L);
  }

  @Test
  void shouldBinClampAndIgnoreNaN() {
    ScoreStats s = new ScoreStats();
    s.add(0.0);
    s.add(0.05);
    s.add(0.1);
    s.add(0.95);
    s.add(1.0);
    s.add(1.7);
    s.add(-3);
    s.add(Double.NaN);
    assertThat(s.count()).isEqualTo(7);
    assertThat(s.histogram()).containsExactly(3, 1, 0, 0, 0, 0, 0, 0, 0, 3);
    assertThat(s.sum()).isCloseTo(0.05 + 0.1 + 0.95 + 1 + 1, within(1e-12));
  }

  @Test
  void shouldMerge() {
    ScoreStats a = new ScoreStats();
    ScoreStats b = new ScoreStats();
    a.add(0.2);
    b.add(0.4);
    b.add(0.9);
    a.merge(b);
    assertThat(a.count()).isEqualTo(3);
    assertThat(a.mean()).isCloseTo(0.5, within(1e-12));
    assertThat(a.histogram()).containsExactly(0, 0, 1, 0, 1, 0, 0, 0, 0, 1);
    assertThat(b.count()).isEqualTo(2);
  }
}
