package dev.llmqm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.UUID;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceSamplerTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final double UNLIMITED = Double.POSITIVE_INFINITY;

  @Test
  void shouldDecideTheSameForEveryEventOfATrace() {
    TraceSampler a = new TraceSampler(new SamplingConfig(0.3, Map.of(), UNLIMITED, true, true, true));
    TraceSampler b = new TraceSampler(new SamplingConfig(0.3, Map.of(), UNLIMITED, true, true, true));
    Random rnd = new Random(1);
    for (int i = 0; i < 10_000; i++) {
      String trace = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
      SamplingDecision first = a.decide(trace, "svc", null, false, false, T0 + i);
      // another span of the same trace, later, on another instance
      SamplingDecision second = b.decide(trace, "svc", "control", false, false, T0 + i + 500);
      assertThat(second).isEqualTo(first);
      assertThat(first.reason()).isEqualTo("rate");
      assertThat(first.inclusionProbability()).isEqualTo(0.3);
    }
  }

  @Test
  void shouldSampleAShareCloseToTheRateOver100kIds() {
    for (double rate : new double[] {0.01, 0.1, 0.5}) {
      TraceSampler s = new TraceSampler(new SamplingConfig(rate, Map.of(), UNLIMITED, true, true, true));
      int n = 100_000;
      int sampled = 0;
      for (int i = 0; i < n; i++) {
        if (s.decide("trace-" + i, "svc", null, false, false, T0).sampled()) {
          sampled++;
        }
      }
      double sigma = Math.sqrt(rate * (1 - rate) / n);
      assertThat(sampled / (double) n).as("rate %s", rate).isCloseTo(rate, within(5 * sigma));
    }
  }

  @Test
  void shouldNestLowerRatesInsideHigherRates() {
    TraceSampler low = new TraceSampler(new SamplingConfig(0.05, Map.of(), UNLIMITED, true, true, true));
    TraceSampler high = new TraceSampler(new SamplingConfig(0.2, Map.of(), UNLIMITED, true, true, true));
    for (int i = 0; i < 20_000; i++) {
      String t = Integer.toHexString(i * 7919);
      if (low.decide(t, "s", null, false, false, T0).sampled()) {
        assertThat(high.decide(t, "s", null, false, false, T0).sampled()).isTrue();
      }
    }
  }

  @Test
  void shouldUsePerServiceRates() {
    TraceSampler s = new TraceSampler(
        new SamplingConfig(0.0, Map.of("checkout", 1.0), UNLIMITED, true, true, true));
    assertThat(s.decide("t1", "checkout", null, false, false, T0))
        .isEqualTo(new SamplingDecision(true, 1.0, "rate"));
    assertThat(s.decide("t1", "search", null, false, false, T0))
        .isEqualTo(new SamplingDecision(false, 0.0, "rate"));
  }

  @Test
  void shouldForceKeepErrorsCanariesFlagsAndFeedbackWithProbabilityOne() {
    TraceSampler s = new TraceSampler(new SamplingConfig(0.0, Map.of(), 50, true, true, true));
    assertThat(s.decide("t", "svc", null, true, true, T0))
        .isEqualTo(new SamplingDecision(true, 1, "error"));
    assertThat(s.decide("t", "svc", "canary", false, true, T0))
        .isEqualTo(new SamplingDecision(true, 1, "canary"));
    assertThat(s.decide("t", "svc", "control", false, true, T0))
        .isEqualTo(new SamplingDecision(true, 1, "flag"));
    assertThat(s.decide("t", "svc", null, false, false, true, T0))
        .isEqualTo(new SamplingDecision(true, 1, "feedback"));
    assertThat(s.decide("t", "svc", null, false, false, T0).sampled()).isFalse();
  }

  @Test
  void shouldNotForceKeepWhenDisabled() {
    TraceSampler s = new TraceSampler(new SamplingConfig(0.0, Map.of(), 50, false, false, false));
    assertThat(s.decide("t", "svc", "canary", true, true, true, T0))
        .isEqualTo(new SamplingDecision(false, 0.0, "rate"));
  }

  @Test
  void shouldCapRateSampledEventsPerServiceBySecondOfEventTime() {
    // Given every trace sampled by rate and a budget of 50 per second
    TraceSampler s = new TraceSampler(new SamplingConfig(1.0, Map.of(), 50, true, true, true));
    // When 200 events of one service arrive in the same millisecond
    int sampled = 0;
    int exceeded = 0;
    for (int i = 0; i < 200; i++) {
      SamplingDecision d = s.decide("t" + i, "svc", null, false, false, T0);
      sampled += d.sampled() ? 1 : 0;
      exceeded += "budget_exceeded".equals(d.reason()) ? 1 : 0;
    }
    // Then 50 are sampled and the rest are over budget
    assertThat(sampled).isEqualTo(50);
    assertThat(exceeded).isEqualTo(150);
    // another service has its own budget
    assertThat(s.decide("x", "other-svc", null, false, false, T0).sampled()).isTrue();
    // force-kept events are never dropped
    assertThat(s.decide("e", "svc", null, true, false, T0).sampled()).isTrue();
    // late events do not refill the bucket
    assertThat(s.decide("late", "svc", null, false, false, T0 - 10_000).reason())
        .isEqualTo("budget_exceeded");
    // half a second of event time later, 25 more tokens
    int later = 0;
    for (int i = 0; i < 100; i++) {
      later += s.decide("u" + i, "svc", null, false, false, T0 + 500).sampled() ? 1 : 0;
    }
    assertThat(later).isEqualTo(25);
  }

  @Test
  void shouldBeDeterministicUnderTheBudget() {
    SamplingConfig cfg = new SamplingConfig(0.5, Map.of(), 20, true, true, true);
    TraceSampler a = new TraceSampler(cfg);
    TraceSampler b = new TraceSampler(cfg);
    Random rnd = new Random(5);
    long t = T0;
    for (int i = 0; i < 5000; i++) {
      t += rnd.nextInt(30);
      String trace = "t" + rnd.nextInt(100_000);
      boolean err = rnd.nextDouble() < 0.05;
      assertThat(a.decide(trace, "svc", null, err, false, t))
          .isEqualTo(b.decide(trace, "svc", null, err, false, t));
    }
  }

  @Test
  void shouldHashTraceIdsUniformly() {
    long[] bins = new long[10];
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double u = TraceHash.uniform(String.format("%032x", i));
      assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
      bins[(int) (u * 10)]++;
    }
    double chi2 = 0;
    for (long b : bins) {
      chi2 += Math.pow(b - n / 10.0, 2) / (n / 10.0);
    }
    // 9 degrees of freedom: p = 0.001 at 27.9
    assertThat(chi2).isLessThan(27.9);
    // the hash is fixed forever: changing it changes which traces every instance samples
    assertThat(TraceHash.hash64("4bf92f3577b34da6a3ce929d0e0e4736"))
        .isEqualTo(-7223689223656102641L);
    assertThat(TraceHash.hash64("")).isEqualTo(-1166397803181037274L);
  }
}
