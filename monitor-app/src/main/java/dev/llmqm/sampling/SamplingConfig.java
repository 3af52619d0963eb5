package dev.llmqm.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sampler settings.
 *
 * @param defaultRate share of traces sampled by rate, in [0, 1]
 * @param serviceRates per {@code service_name} rate overriding the default, each in [0, 1]
 * @param budgetPerSecond most sampled events per second of event time per service (a token bucket
 *     with this rate and a burst of one second); {@code Double.POSITIVE_INFINITY} = no cap
 * @param keepErrors always keep events with status ERROR
 * @param keepCanary always keep events with {@code rollout_variant == "canary"}
 * @param keepFlagged always keep events flagged by tier-1 scoring (and negative feedback)
 */
public record SamplingConfig(
    double defaultRate,
    Map<String, Double> serviceRates,
    double budgetPerSecond,
    boolean keepErrors,
    boolean keepCanary,
    boolean keepFlagged) {

  /** Validates every field and reports all problems at once. */
  public SamplingConfig {
    serviceRates = serviceRates == null ? Map.of() : Map.copyOf(serviceRates);
    List<String> problems = new ArrayList<>();
    if (!(defaultRate >= 0 && defaultRate <= 1)) {
      problems.add("defaultRate must be in [0, 1], got " + defaultRate);
    }
    serviceRates.forEach(
        (service, rate) -> {
          if (rate == null || !(rate >= 0 && rate <= 1)) {
            problems.add("rate of service '" + service + "' must be in [0, 1], got " + rate);
          }
        });
    if (!(budgetPerSecond > 0)) {
      problems.add("budgetPerSecond must be > 0 (Infinity for no cap), got " + budgetPerSecond);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid sampling config: " + String.join("; ", problems));
    }
  }

  /** 10 % of traces, no per-service rates, 50 events per second per service, keep everything. */
  public static SamplingConfig defaults() {
    return new SamplingConfig(0.1, Map.of(), 50, true, true, true);
  }

  /** The rate for a service: its override or the default. */
  public double rateFor(String serviceName) {
    if (serviceName != null) {
      Double r = serviceRates.get(serviceName);
      if (r != null) {
        return r;
      }
    }
    return defaultRate;
  }
}
