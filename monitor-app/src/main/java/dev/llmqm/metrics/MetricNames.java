package dev.llmqm.metrics;

import java.util.List;

/**
 * Every meter name and tag key the monitor exposes, in Micrometer dot notation. Prometheus names are
 * the snake-case form with {@code _total} on counters and {@code _seconds} on timers, e.g. {@code
 * llm.events} is exposed as {@code llm_events_total}.
 */
public final class MetricNames {
  private MetricNames() {}

  // Ingest and pipeline.
  /** Counter {service, model, outcome}: every event read, outcome valid|invalid|undecodable. */
  public static final String EVENTS = "llm.events";
  /** Counter {reason}: records written to the dead-letter topic. */
  public static final String DLQ_EVENTS = "llm.dlq.events";
  /** Counter {service}: events that claimed to be redacted but leaked PII, sent to quarantine. */
  public static final String QUARANTINE_EVENTS = "llm.quarantine.events";
  /** Counter {check}: tier-1 checks that threw on an event. */
  public static final String SCORING_FAILURES = "llm.scoring.failures";
  /** Counter {field}: text fields the safety checks read only in part (longer than the scoring cap). */
  public static final String SCORING_TRUNCATED = "llm.scoring.truncated.fields";
  /** Counter {service}: events that arrived after their window's grace period. */
  public static final String LATE_EVENTS = "llm.late.events";
  /** Counter {dimension}: segment values folded into "other" by the cardinality budget. */
  public static final String SEGMENT_OVERFLOW = "llm.segment.overflow";
  /** Counter {service, reason}: events forwarded to the samples topic. */
  public static final String SAMPLES = "llm.samples";
  /** Timer: tier-1 scoring time per event. */
  public static final String SCORING_DURATION = "llm.scoring.duration";
  /** Gauge: 1 while the Kafka Streams client is RUNNING, else 0. */
  public static final String STREAMS_RUNNING = "llm.pipeline.streams.running";
  /** Gauge: the largest consumer lag (records) over the monitor's input partitions. */
  public static final String CONSUMER_LAG = "llm.pipeline.consumer.lag";
  /** Gauge: unix time (seconds) at which the last event was processed. */
  public static final String LAST_PROCESSED = "llm.pipeline.last.processed.timestamp";
  /** Counter: 1-minute panes closed and emitted. */
  public static final String WINDOWS_CLOSED = "llm.windows.closed";

  // Per-segment quality signals, tagged with SEGMENT_TAGS.
  /** Counter {segment..., status}: requests, status ok|error. */
  public static final String REQUESTS = "llm.requests";
  /** Counter {segment..., flag}: flag pii|injection|toxicity|redaction_failure. */
  public static final String SAFETY_FLAGS = "llm.safety.flags";
  /** Counter {segment..., refusal}: refusal none|partial|full. */
  public static final String REFUSALS = "llm.refusals";
  /** Histogram {segment...}: groundedness score in [0,1] (events with retrieved context). */
  public static final String GROUNDEDNESS = "llm.groundedness";
  /** Histogram {segment...}: relevance score in [0,1]. */
  public static final String RELEVANCE = "llm.relevance";
  /** Timer histogram {segment...}: end_time - start_time. */
  public static final String LATENCY = "llm.request.latency";
  /** Timer histogram {segment...}: time to first token. */
  public static final String TTFT = "llm.ttft";
  /** Counter {segment..., direction}: tokens, direction input|output. */
  public static final String TOKENS = "llm.tokens";
  /** Counter {segment...}: cost in US dollars. */
  public static final String COST_USD = "llm.cost.usd";
  /** Gauge {segment..., quantile}: latency quantiles of the last closed pane, from its DDSketch. */
  public static final String WINDOW_LATENCY = "llm.window.latency";

  // Detection.
  /** Gauge {signal, severity, segment...}: 1 while a detector alert is FIRING, 0 once RESOLVED. */
  public static final String ALERTS_ACTIVE = "llm.alerts.active";
  /** Counter {signal, severity, state}: alert events emitted. */
  public static final String ALERTS = "llm.alerts";

  // Tag keys.
  public static final String TAG_SERVICE = "service";
  public static final String TAG_FEATURE = "feature";
  public static final String TAG_MODEL = "model";
  public static final String TAG_PROMPT_VERSION = "prompt_version";
  public static final String TAG_VARIANT = "variant";
  public static final String TAG_TENANT = "tenant";
  public static final String TAG_OUTCOME = "outcome";
  public static final String TAG_REASON = "reason";
  public static final String TAG_STATUS = "status";
  public static final String TAG_FLAG = "flag";
  public static final String TAG_CHECK = "check";
  public static final String TAG_FIELD = "field";
  public static final String TAG_REFUSAL = "refusal";
  public static final String TAG_DIRECTION = "direction";
  public static final String TAG_DIMENSION = "dimension";
  public static final String TAG_PERCENTILE = "percentile";
  public static final String TAG_SIGNAL = "signal";
  public static final String TAG_SEVERITY = "severity";
  public static final String TAG_STATE = "state";

  /** The segment labels carried by every per-segment series, in order. */
  public static final List<String> SEGMENT_TAGS =
      List.of(TAG_SERVICE, TAG_FEATURE, TAG_MODEL, TAG_PROMPT_VERSION, TAG_VARIANT, TAG_TENANT);
}
