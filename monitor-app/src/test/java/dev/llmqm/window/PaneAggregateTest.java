package dev.llmqm.window;

import static dev.llmqm.window.ScoredEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaneAggregateTest {

  private static final PriceCatalog PRICES = PriceCatalog.builtIn();

  @Test
  void shouldCountOutcomesFlagsAndRefusals() {
    PaneAggregate p = PaneAggregate.empty();
    p.add(event().traceId("a").error(true).finishReasons(List.of("error")).build(), PRICES);
    p.add(event().traceId("b").finishReasons(List.of("end_turn", "tool_use")).pii(true)
        .refusal("partial").build(), PRICES);
    p.add(event().traceId("c").finishReasons(List.of("max_tokens")).injection(true).toxic(true)
        .redactionFailure(true).refusal("full").producerSampleRate(0.25).build(), PRICES);
    p.add(event().traceId("d").finishReasons(null).refusal(null).producerSampleRate(0).build(),
        PRICES);

    assertThat(p.count()).isEqualTo(4);
    assertThat(p.errors()).isEqualTo(1);
    assertThat(p.weightedCount()).isEqualTo(1 + 1 + 4 + 1);
    assertThat(p.finishReasons())
        .containsExactly(Map.entry("error", 1L), Map.entry("length", 1L), Map.entry("stop", 1L),
            Map.entry("tool_call", 1L));
    assertThat(p.piiEvents()).isEqualTo(1);
    assertThat(p.injectionEvents()).isEqualTo(1);
    assertThat(p.toxicEvents()).isEqualTo(1);
    assertThat(p.redactionFailures()).isEqualTo(1);
    assertThat(p.refusals())
        .containsExactly(Map.entry("full", 1L), Map.entry("none", 1L), Map.entry("partial", 1L));
    assertThat(p.exemplars())
        .containsEntry("error_rate", List.of("a"))
        .containsEntry("pii", List.of("b"))
        .containsEntry("injection", List.of("c"))
        .containsEntry("toxicity", List.of("c"))
        .containsEntry("redaction_failure", List.of("c"))
        .containsEntry("refusal", List.of("c", "b"));
  }

  @Test
  void shouldPriceMissingCostFromTheCatalog() {
    PaneAggregate p = PaneAggregate.empty();
    // 800k uncached input at 2.50, 200k cached at 1.25, 100k output at 10.00 per 1M
    p.add(event().traceId("priced").requestModel("gpt-4o-2024-08-06").inputTokens(1_000_000L)
        .cacheReadInputTokens(200_000L).outputTokens(100_000L).build(), PRICES);
    p.add(event().traceId("given").costUsd(0.5).inputTokens(10L).requestModel("nope").build(),
        PRICES);
    p.add(event().traceId("unknown").requestModel("mystery-1").inputTokens(10L).build(), PRICES);
    p.add(event().traceId("no-usage").build(), PRICES);
    p.add(event().traceId("no-catalog").inputTokens(10L).build(), null);

    assertThat(p.costUsd()).isCloseTo(3.25 + 0.5, within(1e-12));
    assertThat(p.unpricedEvents()).isEqualTo(3);
    assertThat(p.inputTokens()).isEqualTo(1_000_000L + 30);
    assertThat(p.outputTokens()).isEqualTo(100_000L);
    assertThat(p.cacheReadInputTokens()).isEqualTo(200_000L);
    assertThat(p.exemplars().get("cost")).containsExactly("priced", "given");
    assertThat(p.exemplars().get("tokens").get(0)).isEqualTo("priced");
  }

  @Test
  void shouldKeepTheFiveWorstTracesPerSignal() {
    PaneAggregate p = PaneAggregate.empty();
    for (int i = 0; i < 20; i++) {
      p.add(event().traceId("t" + (char) ('a' + i)).latencyMs(i * 10L).groundedness(i / 20.0)
          .ttftMs(5.0).relevance(0.5).build(), PRICES);
    }
    // the same trace again, faster: it keeps its best (slowest) value
    p.add(event().traceId("tt").latencyMs(1).build(), PRICES);

    assertThat(p.exemplars().get("latency")).containsExactly("tt", "ts", "tr", "tq", "tp");
    assertThat(p.exemplars().get("groundedness")).containsExactly("ta", "tb", "tc", "td", "te");
    // ties are broken by the smaller trace id
    assertThat(p.exemplars().get("ttft")).containsExactly("ta", "tb", "tc", "td", "te");
    assertThat(p.exemplars()).doesNotContainKeys("error_rate", "pii");
  }

  @Test
  void shouldAggregateScoresAndLatencies() {
    PaneAggregate p = PaneAggregate.empty();
    p.add(event().latencyMs(100).ttftMs(20.0).groundedness(0.25).relevance(1.0).build(), PRICES);
    p.add(event().latencyMs(300).groundedness(0.75).build(), PRICES);
    assertThat(p.groundedness().count()).isEqualTo(2);
    assertThat(p.groundedness().mean()).isEqualTo(0.5);
    assertThat(p.relevance().histogram()[9]).isEqualTo(1);
    assertThat(p.latencyMs().count()).isEqualTo(2);
    assertThat(p.latencyMs().max()).isEqualTo(300);
    assertThat(p.ttftMs().count()).isEqualTo(1);
    assertThat(PaneAggregate.empty().groundedness().mean()).isNaN();
  }

  @Test
  void shouldRoundTripExactly() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 20; trial++) {
      PaneAggregate p = PaneAggregate.empty();
      int n = rnd.nextInt(500);
      for (int i = 0; i < n; i++) {
        p.add(ScoredEvents.random(rnd, i), PRICES);
      }
      byte[] b = p.toBytes();
      assertThat(b[0]).isEqualTo((byte) 1);
      PaneAggregate r = PaneAggregate.fromBytes(b);
      assertThat(r.toBytes()).isEqualTo(b);
      assertEquivalent(r, p, 0);
    }
  }

  @Test
  void shouldRejectMalformedBytes() {
    byte[] b = PaneAggregate.empty().toBytes();
    assertThatThrownBy(() -> PaneAggregate.fromBytes(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaneAggregate.fromBytes(Arrays.copyOf(b, b.length - 3)))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] v = b.clone();
    v[0] = 2;
    assertThatThrownBy(() -> PaneAggregate.fromBytes(v)).hasMessageContaining("version");
  }

  @Test
  void mergeShouldBeAssociativeAndCommutative() {
    Random rnd = new Random(20261123);
    for (int trial = 0; trial < 30; trial++) {
      // Given events split at random into three panes
      List<ScoredEvent> all = new ArrayList<>();
      List<List<ScoredEvent>> parts = List.of(new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>());
      int n = rnd.nextInt(2000);
      for (int i = 0; i < n; i++) {
        ScoredEvent e = ScoredEvents.random(rnd, i);
        all.add(e);
        parts.get(rnd.nextInt(3)).add(e);
      }
      PaneAggregate whole = pane(all);

      // When merged in different groupings and orders
      PaneAggregate abC = pane(parts.get(0));
      abC.merge(pane(parts.get(1)));
      abC.merge(pane(parts.get(2)));
      PaneAggregate bc = pane(parts.get(1));
      bc.merge(pane(parts.get(2)));
      PaneAggregate aBC = pane(parts.get(0));
      aBC.merge(bc);
      PaneAggregate cba = pane(parts.get(2));
      cba.merge(pane(parts.get(1)));
      cba.merge(pane(parts.get(0)));
      PaneAggregate viaBytes = PaneAggregate.mergeAll(List.of(
          PaneAggregate.fromBytes(pane(parts.get(1)).toBytes()),
          PaneAggregate.fromBytes(pane(parts.get(0)).toBytes()),
          PaneAggregate.fromBytes(pane(parts.get(2)).toBytes())));

      // Then every result is the same aggregate as adding all events to one pane
      for (PaneAggregate m : List.of(abC, aBC, cba, viaBytes)) {
        assertEquivalent(m, whole, 1e-9);
      }
      // and the exemplars are exactly the top 5 over all events
      assertThat(whole.exemplars().getOrDefault("latency", List.of()))
          .isEqualTo(topFive(all));
    }
  }

  @Test
  void mergeShouldLeaveTheOtherPaneUnchanged() {
    PaneAggregate a = pane(List.of(event().traceId("a").build()));
    PaneAggregate b = pane(List.of(event().traceId("b").error(true).build()));
    byte[] before = b.toBytes();
    a.merge(b);
    assertThat(b.toBytes()).isEqualTo(before);
    assertThat(a.count()).isEqualTo(2);
    assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> topFive(List<ScoredEvent> events) {
    Map<String, Long> best = events.stream().collect(
        Collectors.toMap(ScoredEvent::traceId, ScoredEvent::latencyMs, Math::max));
    return best.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
        .limit(5).map(Map.Entry::getKey).collect(Collectors.toList());
  }

  private static PaneAggregate pane(List<ScoredEvent> events) {
    PaneAggregate p = PaneAggregate.empty();
    for (ScoredEvent e : events) {
      p.add(e, PRICES);
    }
    return p;
  }

  static void assertEquivalent(PaneAggregate actual, PaneAggregate expected, double relTol) {
    assertThat(actual.count()).isEqualTo(expected.count());
    assertThat(actual.errors()).isEqualTo(expected.errors());
    assertClose(actual.weightedCount(), expected.weightedCount(), relTol);
    assertThat(actual.finishReasons()).isEqualTo(expected.finishReasons());
    assertThat(actual.piiEvents()).isEqualTo(expected.piiEvents());
    assertThat(actual.injectionEvents()).isEqualTo(expected.injectionEvents());
    assertThat(actual.toxicEvents()).isEqualTo(expected.toxicEvents());
    assertThat(actual.redactionFailures()).isEqualTo(expected.redactionFailures());
    assertThat(actual.refusals()).isEqualTo(expected.refusals());
    for (boolean g : new boolean[] {true, false}) {
      ScoreStats a = g ? actual.groundedness() : actual.relevance();
      ScoreStats e = g ? expected.groundedness() : expected.relevance();
      assertThat(a.count()).isEqualTo(e.count());
      assertClose(a.sum(), e.sum(), relTol);
      assertThat(a.histogram()).isEqualTo(e.histogram());
    }
    for (boolean l : new boolean[] {true, false}) {
      LatencySketch a = l ? actual.latencyMs() : actual.ttftMs();
      LatencySketch e = l ? expected.latencyMs() : expected.ttftMs();
      assertThat(a.count()).isEqualTo(e.count());
      if (e.count() > 0) {
        assertThat(a.max()).isEqualTo(e.max());
        for (double q : new double[] {0.5, 0.9, 0.95, 0.99}) {
          assertThat(a.quantile(q)).isCloseTo(e.quantile(q), within(e.quantile(q) * 0.01));
        }
      }
    }
    assertThat(actual.inputTokens()).isEqualTo(expected.inputTokens());
    assertThat(actual.outputTokens()).isEqualTo(expected.outputTokens());
    assertThat(actual.cacheReadInputTokens()).isEqualTo(expected.cacheReadInputTokens());
    assertClose(actual.costUsd(), expected.costUsd(), relTol);
    assertThat(actual.unpricedEvents()).isEqualTo(expected.unpricedEvents());
    assertThat(actual.exemplars()).isEqualTo(expected.exemplars());
  }

  private static void assertClose(double a, double e, double relTol) {
    assertThat(a).isCloseTo(e, within(Math.abs(e) * relTol + 1e-12));
  }
}
