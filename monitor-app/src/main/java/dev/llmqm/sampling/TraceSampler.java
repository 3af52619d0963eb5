package dev.llmqm.sampling;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Deterministic, stratified sampling: the decision for ordinary events is a function of the trace
 * id alone (a 64-bit hash mapped to [0, 1) compared with the service's rate), so every span of a
 * trace is kept or dropped together and a replay samples the same events. Errors, canary traffic
 * and flagged events are force-kept with inclusion probability 1. Rate-sampled events are capped
 * by a token bucket per service that refills on event time (deterministic too); force-kept events
 * are never dropped by the budget, so the recorded probabilities stay exact.
 */
public final class TraceSampler {
  private final SamplingConfig config;
  private final Map<String, double[]> buckets = new HashMap<>();

  public TraceSampler(SamplingConfig config) {
    this.config = config;
  }

  public SamplingDecision decide(String traceId, String serviceName, String rolloutVariant,
      boolean error, boolean flagged, long eventTimeMs) {
    if (error && config.keepErrors()) {
      return new SamplingDecision(true, 1.0, "error");
    }
    if (flagged && config.keepFlagged()) {
      return new SamplingDecision(true, 1.0, "flag");
    }
    if (config.keepCanary() && "canary".equals(rolloutVariant)) {
      return new SamplingDecision(true, 1.0, "canary");
    }
    double rate = config.serviceRates().getOrDefault(serviceName, config.defaultRate());
    if (unitHash(traceId) >= rate) {
      return new SamplingDecision(false, rate, "rate");
    }
    if (!takeToken(serviceName, eventTimeMs)) {
      return new SamplingDecision(false, rate, "budget_exceeded");
    }
    return new SamplingDecision(true, rate, "rate");
  }

  private synchronized boolean takeToken(String service, long t) {
    double capacity = Math.max(1.0, config.budgetPerSecond());
    double[] b = buckets.computeIfAbsent(service, s -> new double[] {capacity, t});
    if (t > b[1]) {
      b[0] = Math.min(capacity, b[0] + (t - b[1]) / 1000.0 * config.budgetPerSecond());
      b[1] = t;
    }
    if (b[0] >= 1.0) {
      b[0] -= 1.0;
      return true;
    }
    return false;
  }

  /** A uniform value in [0, 1) from the trace id (FNV-1a 64 then a SplitMix64 finaliser). */
  static double unitHash(String traceId) {
    long h = 0xcbf29ce484222325L;
    for (byte b : (traceId == null ? "" : traceId).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return (h >>> 11) * 0x1.0p-53;
  }
}
