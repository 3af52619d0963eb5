package dev.llmqm.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqm.detect.ScenarioGenerator.Effect;
import dev.llmqm.detect.ScenarioGenerator.Regression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectionScenarioTest {

  static final int ONSET = 70;

  static List<Alert> run(ScenarioGenerator gen, int minutes, RegressionDetector det) {
    List<Alert> all = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      long ws = ScenarioGenerator.windowStart(m);
      all.addAll(det.onWindow(ws, ws + 60_000L, gen.window(m)));
    }
    return all;
  }

  static List<Alert> run(ScenarioGenerator gen, int minutes) {
    List<Alert> alerts = run(gen, minutes, new RegressionDetector(DetectionConfig.defaults()));
    alerts.forEach(a -> System.out.println("  " + describe(a)));
    return alerts;
  }

  static String describe(Alert a) {
    return String.format(
        "%s %s %s %s %s min=%d obs=%.4g base=%s stat=%s p=%s n=%d ex=%d",
        a.state(), a.rule(), a.signal(), a.severity(), a.segment(),
        (a.windowStart() - ScenarioGenerator.T0) / 60_000L, a.observed(), a.baseline(), a.statistic(),
        a.pValue(), a.sampleSize(), a.exemplarTraceIds().size());
  }

  static List<Alert> firing(List<Alert> alerts) {
    return alerts.stream().filter(a -> a.state().equals(Alert.FIRING)).toList();
  }

  @Test
  void stationaryThinTrafficRaisesAtMostOneAlertInTwoHours() {
    List<Alert> alerts = run(new ScenarioGenerator(11, ScenarioGenerator.thinFleet(1)), 150);
    System.out.println("thin 2.5h firing: " + firing(alerts).size());
    assertThat(firing(alerts)).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void stationaryThinTrafficRaisesAtMostOneAlertInSixHours() {
    List<Alert> alerts = run(new ScenarioGenerator(12, ScenarioGenerator.thinFleet(1)), 360);
    System.out.println("thin 6h firing: " + firing(alerts).size());
    assertThat(firing(alerts)).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void stationaryHighVolumeRaisesAtMostOneAlert() {
    List<Alert> alerts = run(new ScenarioGenerator(13, ScenarioGenerator.thinFleet(30)), 130);
    System.out.println("high volume firing: " + firing(alerts).size());
    assertThat(firing(alerts)).hasSizeLessThanOrEqualTo(1);
  }

  /** Runs a step change from ONSET on and checks signal, segment, delay and strays. */
  static void assertDetected(long seed, Regression r, String signal, Map<String, String> expectedSegment) {
    assertDetected(seed, r, signal, expectedSegment, List.of());
  }

  /**
   * As above; {@code coSignals} are other signals the injected change legitimately moves on the
   * same segment (they are not counted as strays).
   */
  static void assertDetected(
      long seed, Regression r, String signal, Map<String, String> expectedSegment, List<String> coSignals) {
    ScenarioGenerator gen = new ScenarioGenerator(seed, ScenarioGenerator.thinFleet(1)).with(r);
    List<Alert> alerts = run(gen, ONSET + 20);
    List<Alert> fired = firing(alerts);
    Optional<Alert> hit =
        fired.stream()
            .filter(a -> a.signal().equals(signal) && a.segment().equals(expectedSegment))
            .findFirst();
    assertThat(hit).as("alert %s on %s", signal, expectedSegment).isPresent();
    long delayMin = (hit.get().windowEnd() - ScenarioGenerator.windowStart(ONSET)) / 60_000L;
    System.out.println("detected " + signal + " " + expectedSegment + " after " + delayMin + " min");
    assertThat(hit.get().windowStart()).isGreaterThanOrEqualTo(ScenarioGenerator.windowStart(ONSET));
    assertThat(delayMin).isLessThanOrEqualTo(10);
    assertThat(hit.get().exemplarTraceIds()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    List<Alert> strays =
        fired.stream()
            .filter(a -> a != hit.get())
            .filter(a -> !(coSignals.contains(a.signal()) && a.segment().equals(expectedSegment)))
            .toList();
    assertThat(strays).as("stray alerts").hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void shouldAttributeLatencyRegressionToOneModel() {
    assertDetected(
        21,
        new Regression(s -> s.get("service_name").equals("support-bot") && s.get("request_model").equals("claude-haiku"),
            ONSET, 10_000, Effect.LATENCY_MULT, 3.0),
        "latency",
        Map.of("service_name", "support-bot", "request_model", "claude-haiku"),
        List.of("ttft")); // the generator slows the whole response, first token included
  }

  @Test
  void shouldAttributeCostRegressionToOneTenant() {
    assertDetected(
        22,
        new Regression(s -> s.get("service_name").equals("support-bot") && s.get("tenant_id").equals("globex"),
            ONSET, 10_000, Effect.COST_MULT, 4.0),
        "cost",
        Map.of("service_name", "support-bot", "tenant_id", "globex"));
  }

  @Test
  void shouldAttributeUnsupportedAnswersToCanaryPromptVersion() {
    ScenarioGenerator gen =
        new ScenarioGenerator(23, ScenarioGenerator.thinFleet(1))
            .with(new Regression(s -> "v8".equals(s.get("prompt_template_version")), ONSET, 10_000, Effect.UNSUPPORTED_SHARE, 0.6));
    List<Alert> fired = firing(run(gen, ONSET + 20));
    Optional<Alert> hit =
        fired.stream()
            .filter(a -> a.signal().equals("groundedness")
                && "v8".equals(a.segment().get("prompt_template_version"))
                && a.segment().get("service_name").equals("support-bot")
                && a.segment().keySet().stream().allMatch(k -> List.of("service_name", "prompt_template_version", "rollout_variant").contains(k)))
            .findFirst();
    assertThat(hit).isPresent();
    long delayMin = (hit.get().windowEnd() - ScenarioGenerator.windowStart(ONSET)) / 60_000L;
    System.out.println("detected groundedness " + hit.get().segment() + " after " + delayMin + " min");
    assertThat(delayMin).isLessThanOrEqualTo(10);
    assertThat(fired.stream().filter(a -> a != hit.get())).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void shouldAlertInjectionSurgeOnTheService() {
    assertDetected(
        24,
        new Regression(s -> s.get("service_name").equals("search-summarizer"), ONSET, 10_000, Effect.INJECTION_RATE, 0.10),
        "injection",
        Map.of("service_name", "search-summarizer"));
  }

  @Test
  void shouldAlertPiiLeakOnTheService() {
    assertDetected(
        25,
        new Regression(s -> s.get("service_name").equals("code-helper"), ONSET, 10_000, Effect.PII_RATE, 0.05),
        "pii",
        Map.of("service_name", "code-helper"));
  }

  @Test
  void shouldResolveOnceAfterTheRegressionEndsWithoutFlapping() {
    ScenarioGenerator gen =
        new ScenarioGenerator(31, ScenarioGenerator.thinFleet(1))
            .with(new Regression(s -> s.get("service_name").equals("support-bot") && s.get("request_model").equals("claude-haiku"),
                ONSET, ONSET + 20, Effect.LATENCY_MULT, 3.0));
    List<Alert> alerts = run(gen, ONSET + 60);
    Map<String, String> seg = Map.of("service_name", "support-bot", "request_model", "claude-haiku");
    List<Alert> mine = alerts.stream().filter(a -> a.signal().equals("latency") && a.segment().equals(seg)).toList();
    assertThat(mine).extracting(Alert::state).containsExactly(Alert.FIRING, Alert.RESOLVED);
    assertThat(mine.get(1).alertId()).isEqualTo(mine.get(0).alertId());
    long resolveDelay = (mine.get(1).windowEnd() - ScenarioGenerator.windowStart(ONSET + 20)) / 60_000L;
    System.out.println("resolved " + resolveDelay + " min after the regression ended");
    assertThat(mine.get(1).windowStart()).isGreaterThanOrEqualTo(ScenarioGenerator.windowStart(ONSET + 20));
    assertThat(resolveDelay).isLessThanOrEqualTo(15);
    assertThat(firing(alerts)).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void pinnedReleaseBaselineTakesPrecedenceAndIsNotDuplicatedByTheTrailingRule() {
    DetectionConfig cfg =
        DetectionConfig.defaults()
            .withPinnedBaselines(List.of(new DetectionConfig.PinnedBaseline(
                "code-helper", "release-2024.1", ScenarioGenerator.windowStart(0), ScenarioGenerator.windowStart(40))));
    ScenarioGenerator gen =
        new ScenarioGenerator(51, ScenarioGenerator.thinFleet(1))
            .with(new Regression(s -> s.get("service_name").equals("code-helper"), ONSET, 10_000, Effect.PII_RATE, 0.05));
    List<Alert> fired = firing(run(gen, ONSET + 15, new RegressionDetector(cfg)));
    fired.forEach(a -> System.out.println("  " + describe(a)));
    assertThat(fired).filteredOn(a -> a.signal().equals("pii"))
        .singleElement()
        .satisfies(a -> {
          assertThat(a.rule()).isEqualTo(RegressionDetector.RULE_PINNED);
          assertThat(a.segment()).isEqualTo(Map.of("service_name", "code-helper"));
          assertThat(a.severity()).isEqualTo(Alert.CRITICAL);
        });
  }

  @Test
  void shouldBeDeterministic() {
    List<Alert> a = run(new ScenarioGenerator(41, ScenarioGenerator.thinFleet(1))
        .with(new Regression(s -> s.get("service_name").equals("code-helper"), 60, 10_000, Effect.PII_RATE, 0.05)), 80,
        new RegressionDetector(DetectionConfig.defaults()));
    List<Alert> b = run(new ScenarioGenerator(41, ScenarioGenerator.thinFleet(1))
        .with(new Regression(s -> s.get("service_name").equals("code-helper"), 60, 10_000, Effect.PII_RATE, 0.05)), 80,
        new RegressionDetector(DetectionConfig.defaults()));
    assertThat(a).isNotEmpty().isEqualTo(b);
  }
}
