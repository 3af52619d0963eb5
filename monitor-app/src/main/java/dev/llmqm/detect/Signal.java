package dev.llmqm.detect;

/** The quality signals the detector tests, with the direction in which they regress. */
public enum Signal {
  ERROR_RATE("error_rate", Kind.RATE),
  LATENCY("latency", Kind.DISTRIBUTION),
  TTFT("ttft", Kind.DISTRIBUTION),
  COST("cost", Kind.PER_EVENT_MEAN),
  TOKENS("tokens", Kind.PER_EVENT_MEAN),
  GROUNDEDNESS("groundedness", Kind.SCORE),
  RELEVANCE("relevance", Kind.SCORE),
  /** Share of answers refused fully or partially. */
  REFUSAL("refusal", Kind.RATE),
  PII("pii", Kind.RATE),
  INJECTION("injection", Kind.RATE),
  TOXICITY("toxicity", Kind.RATE),
  REDACTION_FAILURE("redaction_failure", Kind.RATE);

  /** How a signal is tested. */
  public enum Kind {
    /** A proportion of events; regresses upward; two-proportion test. */
    RATE,
    /** A latency histogram; regresses upward; tail exceedance test + p95 ratio + PSI. */
    DISTRIBUTION,
    /** A per-event sum (USD, tokens); regresses upward; z test on per-event means. */
    PER_EVENT_MEAN,
    /** A score in [0,1]; regresses downward; CUSUM + z test on means (+ low-score rate). */
    SCORE
  }

  private final String id;
  private final Kind kind;

  Signal(String id, Kind kind) {
    this.id = id;
    this.kind = kind;
  }

  /** The wire name used in alerts and exemplar maps. */
  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  /** Safety signals page: their alerts are always critical. */
  public boolean safety() {
    return this == PII || this == INJECTION || this == TOXICITY || this == REDACTION_FAILURE;
  }
}
