package dev.llmqm.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tuning of {@link RegressionDetector}. All durations are counted in closed 1-minute panes.
 *
 * @param evaluationPanes panes merged into the sliding evaluation span (the "current" side of
 *     every test), so that thin segments gather enough events; default 4
 * @param baselinePanes trailing baseline length: the most recent accepted panes; default 45
 * @param baselineGapPanes the most recent panes kept out of the trailing baseline (a regression
 *     has this long to be detected before it could leak in); must be at least {@code
 *     evaluationPanes}; default 5
 * @param minBaselinePanes accepted panes a service needs before its trailing baseline is used;
 *     default 20
 * @param minCurrentEvents minimum events (scored events for score signals, histogram entries for
 *     latency) in the evaluation span for a segment to be tested; default 20
 * @param minBaselineEvents minimum events in the reference for a segment to be tested; default 200
 *     (the canary control arm uses {@code minCurrentEvents})
 * @param minMeanEvents minimum events in the evaluation span for the per-event mean tests of cost
 *     and tokens (skewed per-event values need more events for the t test); default 50
 * @param alpha false discovery rate over the p-value tests of one window, controlled with the
 *     Benjamini–Bogomolov two-level procedure: families are (service, signal, rule), each family's
 *     p-value is its Bonferroni-adjusted minimum, BH at alpha selects R of the F families, and
 *     inside a selected family of m tests a test is a discovery when p &lt;= alpha·R/F/m. This
 *     keeps one strong regression (hundreds of correlated discoveries) from loosening the cut of
 *     unrelated series; default 0.01
 * @param holdAlpha laxer, uncorrected level at which a FIRING alert still counts as bad
 *     (hysteresis); default 0.05
 * @param holdEffectFraction fraction of the minimum effect that keeps a FIRING alert bad; default
 *     0.5
 * @param explainAlpha attribution: segment X explains segment Y when Y's traffic outside X shows
 *     no regression at this uncorrected level; default 0.001
 * @param confirmations consecutive windows a finding must survive before it FIRES; default 2
 * @param resolveAfter consecutive clean windows before a FIRING alert is RESOLVED; default 5
 * @param exactTestMinExpected the two-proportion test switches to Fisher's exact test when any
 *     expected cell count is below this (the normal approximation is anti-conservative in the upper
 *     tail of small counts); default 20
 * @param cusumK CUSUM reference value (allowance) in standard errors; default 0.5
 * @param cusumH CUSUM decision limit; default 12 (in-control average run length about 10^6
 *     windows for normal deviations; the per-event sigma is taken at its upper 95 % bound)
 * @param cusumClip per-window standardised deviations are clipped to ±this (robustness to heavy
 *     tails of tiny panes); default 4
 * @param cusumMinPaneEvents minimum scored events in a pane for it to update the CUSUM; default 5
 * @param tailQuantile quantile compared for latency/ttft; default 0.95
 * @param minPsi minimum population stability index between the latency histograms; default 0.1
 * @param criticalErrorRateDelta an error-rate alert is critical when the rate rose by at least
 *     this much (absolute); smaller rises are warnings; default 0.10
 * @param minScoreDrop minimum drop of a mean score (groundedness, relevance) to alert; default 0.05
 * @param policies minimum effect per signal (absolute and relative); see {@link SignalPolicy}
 * @param rollupDimensions the dimensions rolled up under a service, in attribution preference
 *     order; default request_model, prompt_template_version, tenant_id, feature, rollout_variant
 * @param controlVariants rollout_variant values that form the control arm, together with traffic
 *     that has no rollout_variant; other values are treatment arms (canaries); default control,
 *     stable, baseline
 * @param pinnedBaselines optional per-service pinned release baselines
 */
public record DetectionConfig(
    int evaluationPanes,
    int baselinePanes,
    int baselineGapPanes,
    int minBaselinePanes,
    long minCurrentEvents,
    long minBaselineEvents,
    long minMeanEvents,
    double alpha,
    double holdAlpha,
    double holdEffectFraction,
    double explainAlpha,
    int confirmations,
    int resolveAfter,
    double exactTestMinExpected,
    double cusumK,
    double cusumH,
    double cusumClip,
    long cusumMinPaneEvents,
    double tailQuantile,
    double minPsi,
    double criticalErrorRateDelta,
    double minScoreDrop,
    Map<Signal, SignalPolicy> policies,
    List<String> rollupDimensions,
    Set<String> controlVariants,
    List<PinnedBaseline> pinnedBaselines) {

  /**
   * Minimum effect for a signal: the observed value must exceed the baseline by at least {@code
   * minAbsDelta} (in the signal's unit: a proportion, ms of p95, USD or tokens per event) and by a
   * factor of at least {@code minRatio} (a zero baseline passes the ratio).
   */
  public record SignalPolicy(double minAbsDelta, double minRatio) {
    public SignalPolicy {
      if (minAbsDelta < 0 || minRatio < 1) {
        throw new IllegalArgumentException("minAbsDelta >= 0 and minRatio >= 1 required");
      }
    }
  }

  /**
   * A pinned release baseline for one service: the panes with {@code fromMs <= windowStart <
   * toMs} are frozen into a reference that the "pinned_release" rule compares against once the
   * range has ended. {@code label} names the release in logs and docs only.
   */
  public record PinnedBaseline(String serviceName, String label, long fromMs, long toMs) {
    public PinnedBaseline {
      if (serviceName == null || toMs <= fromMs) {
        throw new IllegalArgumentException("pinned baseline needs a service and fromMs < toMs");
      }
    }
  }

  public DetectionConfig {
    List<String> problems = new ArrayList<>();
    if (evaluationPanes < 1) problems.add("evaluationPanes must be >= 1");
    if (baselinePanes < 1) problems.add("baselinePanes must be >= 1");
    if (baselineGapPanes < evaluationPanes) problems.add("baselineGapPanes must be >= evaluationPanes");
    if (minBaselinePanes < 1 || minBaselinePanes > baselinePanes)
      problems.add("minBaselinePanes must be in [1, baselinePanes]");
    if (!(alpha > 0 && alpha < 1)) problems.add("alpha must be in (0,1)");
    if (!(holdAlpha > 0 && holdAlpha < 1)) problems.add("holdAlpha must be in (0,1)");
    if (!(explainAlpha > 0 && explainAlpha < 1)) problems.add("explainAlpha must be in (0,1)");
    if (!(holdEffectFraction > 0 && holdEffectFraction <= 1))
      problems.add("holdEffectFraction must be in (0,1]");
    if (confirmations < 1) problems.add("confirmations must be >= 1");
    if (resolveAfter < 1) problems.add("resolveAfter must be >= 1");
    if (!(tailQuantile > 0 && tailQuantile < 1)) problems.add("tailQuantile must be in (0,1)");
    if (cusumH <= 0 || cusumK < 0 || cusumClip <= 0) problems.add("CUSUM parameters must be > 0");
    policies = policies == null ? Map.of() : Map.copyOf(policies);
    for (Signal s : Signal.values()) {
      if (!policies.containsKey(s)) problems.add("no policy for signal " + s.id());
    }
    rollupDimensions = List.copyOf(rollupDimensions);
    controlVariants = Set.copyOf(controlVariants);
    pinnedBaselines = pinnedBaselines == null ? List.of() : List.copyOf(pinnedBaselines);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid detection config: " + String.join("; ", problems));
    }
  }

  public SignalPolicy policy(Signal s) {
    return policies.get(s);
  }

  /** The defaults documented on each field. */
  public static DetectionConfig defaults() {
    Map<Signal, SignalPolicy> p = new EnumMap<>(Signal.class);
    p.put(Signal.ERROR_RATE, new SignalPolicy(0.02, 1.5));
    p.put(Signal.REFUSAL, new SignalPolicy(0.03, 1.5));
    p.put(Signal.PII, new SignalPolicy(0.005, 2.0));
    p.put(Signal.INJECTION, new SignalPolicy(0.01, 2.0));
    p.put(Signal.TOXICITY, new SignalPolicy(0.005, 2.0));
    p.put(Signal.REDACTION_FAILURE, new SignalPolicy(0.002, 2.0));
    // groundedness: applies to the share of low (< 0.5) scores; mean drops use minScoreDrop.
    p.put(Signal.GROUNDEDNESS, new SignalPolicy(0.05, 1.5));
    p.put(Signal.RELEVANCE, new SignalPolicy(0.05, 1.0));
    p.put(Signal.LATENCY, new SignalPolicy(50.0, 1.5));
    p.put(Signal.TTFT, new SignalPolicy(50.0, 1.5));
    p.put(Signal.COST, new SignalPolicy(0.0, 1.5));
    p.put(Signal.TOKENS, new SignalPolicy(0.0, 1.5));
    return new DetectionConfig(
        4, 45, 5, 20, 20, 200, 50, 0.01, 0.05, 0.5, 0.001, 2, 5, 20.0, 0.5, 12.0, 4.0, 5, 0.95, 0.1,
        0.10, 0.05, p,
        List.of("request_model", "prompt_template_version", "tenant_id", "feature", "rollout_variant"),
        Set.of("control", "stable", "baseline"),
        List.of());
  }

  /** A copy with the given pinned baselines. */
  public DetectionConfig withPinnedBaselines(List<PinnedBaseline> pinned) {
    return new DetectionConfig(
        evaluationPanes, baselinePanes, baselineGapPanes, minBaselinePanes, minCurrentEvents,
        minBaselineEvents, minMeanEvents, alpha, holdAlpha, holdEffectFraction, explainAlpha, confirmations,
        resolveAfter, exactTestMinExpected, cusumK, cusumH, cusumClip, cusumMinPaneEvents,
        tailQuantile, minPsi, criticalErrorRateDelta, minScoreDrop, policies, rollupDimensions,
        controlVariants, pinned);
  }
}
