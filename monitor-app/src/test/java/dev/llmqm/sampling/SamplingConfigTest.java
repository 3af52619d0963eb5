package dev.llmqm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingConfigTest {

  @Test
  void shouldHaveDocumentedDefaults() {
    SamplingConfig d = SamplingConfig.defaults();
    assertThat(d).isEqualTo(new SamplingConfig(0.1, Map.of(), 50, true, true, true));
    assertThat(d.rateFor("any")).isEqualTo(0.1);
    assertThat(d.rateFor(null)).isEqualTo(0.1);
  }

  @Test
  void shouldReportEveryProblemAtOnce() {
    assertThatThrownBy(() -> new SamplingConfig(1.5, Map.of("svc", -0.1), 0, true, true, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defaultRate")
        .hasMessageContaining("'svc'")
        .hasMessageContaining("budgetPerSecond");
    assertThatThrownBy(() -> new SamplingConfig(Double.NaN, Map.of(), 1, true, true, true))
        .hasMessageContaining("defaultRate");
  }

  @Test
  void shouldCopyServiceRates() {
    java.util.HashMap<String, Double> rates = new java.util.HashMap<>(Map.of("a", 0.5));
    SamplingConfig c = new SamplingConfig(0.1, rates, Double.POSITIVE_INFINITY, true, true, true);
    rates.put("a", 0.9);
    assertThat(c.rateFor("a")).isEqualTo(0.5);
  }
}
