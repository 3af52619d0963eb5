package dev.llmqm.sampling;

import java.util.Map;

/**
 * @param defaultRate share of ordinary events kept
 * @param serviceRates per-service overrides of the rate
 * @param budgetPerSecond most rate-sampled events kept per second of event time per service
 * @param keepErrors keep every failed call
 * @param keepCanary keep every event of a canary ({@code rollout_variant == canary})
 * @param keepFlagged keep every event a tier-1 scorer flagged
 */
public record SamplingConfig(
    double defaultRate, Map<String, Double> serviceRates, double budgetPerSecond,
    boolean keepErrors, boolean keepCanary, boolean keepFlagged) {

  public SamplingConfig {
    serviceRates = Map.copyOf(serviceRates);
  }

  public static SamplingConfig defaults() {
    return new SamplingConfig(0.1, Map.of(), 50, true, true, true);
  }
}
