package dev.llmqm.window;

import java.util.List;
import java.util.Random;

/** Test data builder for {@link ScoredEvent}. */
final class ScoredEvents {

  private String traceId = "trace-1";
  private long endTimeMs = 1_700_000_000_000L;
  private long latencyMs = 100;
  private Double ttftMs;
  private boolean error;
  private List<String> finishReasons = List.of("stop");
  private Long inputTokens;
  private Long outputTokens;
  private Long cacheReadInputTokens;
  private Double costUsd;
  private String providerName = "openai";
  private String requestModel = "gpt-4o";
  private double producerSampleRate = 1.0;
  private boolean pii;
  private boolean injection;
  private boolean toxic;
  private boolean redactionFailure;
  private String refusal = "none";
  private Double groundedness;
  private Double relevance;

  static ScoredEvents event() {
    return new ScoredEvents();
  }

  /** A random but plausible event; all randomness comes from {@code rnd}. */
  static ScoredEvent random(Random rnd, int i) {
    ScoredEvents b = event()
        .traceId(String.format("t%06d-%d", rnd.nextInt(1_000_000), i))
        .endTimeMs(1_700_000_000_000L + rnd.nextInt(60_000))
        .latencyMs(rnd.nextBoolean()
            ? (long) (50 + rnd.nextGaussian() * 10 + 200)
            : (long) Math.exp(7 + rnd.nextGaussian() * 0.5))
        .error(rnd.nextDouble() < 0.05)
        .finishReasons(List.of(new String[] {"stop", "length", "tool_calls", "end_turn",
            "weird"}[rnd.nextInt(5)]))
        .inputTokens((long) rnd.nextInt(4000))
        .outputTokens((long) rnd.nextInt(1000))
        .cacheReadInputTokens((long) rnd.nextInt(100))
        .producerSampleRate(rnd.nextBoolean() ? 1.0 : 0.5)
        .pii(rnd.nextDouble() < 0.02)
        .injection(rnd.nextDouble() < 0.02)
        .toxic(rnd.nextDouble() < 0.02)
        .redactionFailure(rnd.nextDouble() < 0.01)
        .refusal(new String[] {"none", "none", "none", "partial", "full"}[rnd.nextInt(5)]);
    if (rnd.nextBoolean()) {
      b.ttftMs(rnd.nextDouble() * 500);
    }
    if (rnd.nextDouble() < 0.3) {
      b.costUsd(rnd.nextDouble() / 100);
    }
    if (rnd.nextDouble() < 0.1) {
      b.requestModel("unknown-model");
    }
    if (rnd.nextDouble() < 0.7) {
      b.groundedness(rnd.nextDouble());
    }
    if (rnd.nextDouble() < 0.7) {
      b.relevance(rnd.nextDouble());
    }
    return b.build();
  }

  ScoredEvents traceId(String v) { traceId = v; return this; }
  ScoredEvents endTimeMs(long v) { endTimeMs = v; return this; }
  ScoredEvents latencyMs(long v) { latencyMs = v; return this; }
  ScoredEvents ttftMs(Double v) { ttftMs = v; return this; }
  ScoredEvents error(boolean v) { error = v; return this; }
  ScoredEvents finishReasons(List<String> v) { finishReasons = v; return this; }
  ScoredEvents inputTokens(Long v) { inputTokens = v; return this; }
  ScoredEvents outputTokens(Long v) { outputTokens = v; return this; }
  ScoredEvents cacheReadInputTokens(Long v) { cacheReadInputTokens = v; return this; }
  ScoredEvents costUsd(Double v) { costUsd = v; return this; }
  ScoredEvents providerName(String v) { providerName = v; return this; }
  ScoredEvents requestModel(String v) { requestModel = v; return this; }
  ScoredEvents producerSampleRate(double v) { producerSampleRate = v; return this; }
  ScoredEvents pii(boolean v) { pii = v; return this; }
  ScoredEvents injection(boolean v) { injection = v; return this; }
  ScoredEvents toxic(boolean v) { toxic = v; return this; }
  ScoredEvents redactionFailure(boolean v) { redactionFailure = v; return this; }
  ScoredEvents refusal(String v) { refusal = v; return this; }
  ScoredEvents groundedness(Double v) { groundedness = v; return this; }
  ScoredEvents relevance(Double v) { relevance = v; return this; }

  ScoredEvent build() {
    return new ScoredEvent(traceId, endTimeMs, latencyMs, ttftMs, error, finishReasons,
        inputTokens, outputTokens, cacheReadInputTokens, costUsd, providerName, requestModel,
        producerSampleRate, pii, injection, toxic, redactionFailure, refusal, groundedness,
        relevance);
  }
}
