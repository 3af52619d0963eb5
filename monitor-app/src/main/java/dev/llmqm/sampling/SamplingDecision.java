package dev.llmqm.sampling;

/**
 * Whether an event is kept in the sample, its inclusion probability (1 for force-kept events), and
 * why: {@code rate}, {@code error}, {@code canary}, {@code flag}, or {@code budget_exceeded}
 * (dropped because the service's budget was spent).
 */
public record SamplingDecision(boolean sampled, double inclusionProbability, String reason) {}
