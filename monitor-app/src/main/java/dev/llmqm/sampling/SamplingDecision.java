package dev.llmqm.sampling;

/**
 * The sampler's verdict for one event.
 *
 * @param sampled whether the event goes to the sample
 * @param inclusionProbability probability that an event like this one is sampled: 1 for
 *     force-kept events, the segment's rate for rate-sampled ones; weight samples by its inverse
 * @param reason {@code rate}, {@code error}, {@code canary}, {@code flag}, {@code feedback} or
 *     {@code budget_exceeded}
 */
public record SamplingDecision(boolean sampled, double inclusionProbability, String reason) {

  public static final String RATE = "rate";
  public static final String ERROR = "error";
  public static final String CANARY = "canary";
  public static final String FLAG = "flag";
  public static final String FEEDBACK = "feedback";
  public static final String BUDGET_EXCEEDED = "budget_exceeded";

  /** The weight of a sampled event in re-weighted estimates: 1 / inclusion probability. */
  public double weight() {
    return 1.0 / inclusionProbability;
  }
}
