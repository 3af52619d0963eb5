package dev.llmqm.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * Owns every meter the monitor exposes: names (see {@link MetricNames}), units, descriptions and
 * tags. Label values are bounded by construction: outcomes, reasons, flags and refusal labels come
 * from fixed sets; segment labels come from {@link SegmentLabels} after the cardinality budgets.
 * Never event text or ids.
 */
public final class MonitorMetrics {
  /** Reasons an event ends in the dead-letter topic. */
  public enum DlqReason {
    UNDECODABLE,
    MISSING_FIELD,
    INVALID_TIME,
    INVALID_USAGE,
    TEXT_TOO_LARGE,
    PROCESSING_ERROR;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What became of an event. */
  public enum Outcome {
    VALID,
    INVALID,
    UNDECODABLE,
    QUARANTINED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final double[] SCORE_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
    Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60)
  };

  private final MeterRegistry registry;
  private final Map<String, Counter> simpleCounters = new ConcurrentHashMap<>();
  private final Map<SegmentLabels, SegmentMeters> segments = new ConcurrentHashMap<>();
  private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();
  private final Timer scoringDuration;
  private final AtomicLong streamsRunning = new AtomicLong();
  private final AtomicLong lastProcessedMs = new AtomicLong();
  private final Counter windowsClosed;
  private volatile DoubleSupplier consumerLag = () -> 0.0;
  private final ScoreHistogram.Family groundednessHistogram;
  private final ScoreHistogram.Family relevanceHistogram;

  public MonitorMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.scoringDuration =
        Timer.builder(MetricNames.SCORING_DURATION)
            .description("Tier-1 scoring time per event")
            .publishPercentileHistogram(false)
            .serviceLevelObjectives(
                Duration.ofNanos(10_000), Duration.ofNanos(20_000), Duration.ofNanos(50_000),
                Duration.ofNanos(100_000), Duration.ofNanos(200_000), Duration.ofMillis(1),
                Duration.ofMillis(10))
            .register(registry);
    this.groundednessHistogram = ScoreHistogram.family(registry, MetricNames.GROUNDEDNESS,
        "Groundedness of responses in their retrieved context, 1 = supported", SCORE_BUCKETS);
    this.relevanceHistogram = ScoreHistogram.family(registry, MetricNames.RELEVANCE,
        "Relevance of responses to their prompts, 1 = on topic", SCORE_BUCKETS);
    this.windowsClosed =
        Counter.builder(MetricNames.WINDOWS_CLOSED).description("1-minute panes closed and emitted").register(registry);
    Gauge.builder(MetricNames.STREAMS_RUNNING, streamsRunning, AtomicLong::get)
        .description("1 while the Kafka Streams client is RUNNING, else 0")
        .register(registry);
    Gauge.builder(MetricNames.CONSUMER_LAG, this, m -> m.consumerLag.getAsDouble())
        .description("Largest consumer lag in records over the monitor's input partitions")
        .register(registry);
    Gauge.builder(MetricNames.LAST_PROCESSED, lastProcessedMs, v -> v.get() / 1000.0)
        .description("Unix time of the last processed event")
        .baseUnit("seconds")
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  // ---- ingest and pipeline ----

  public void event(String service, String model, Outcome outcome) {
    counter(MetricNames.EVENTS, "Trace events read, by outcome",
        Tags.of(MetricNames.TAG_SERVICE, service, MetricNames.TAG_MODEL, model, MetricNames.TAG_OUTCOME, outcome.label()))
        .increment();
    lastProcessedMs.set(System.currentTimeMillis());
  }

  public void deadLettered(DlqReason reason) {
    counter(MetricNames.DLQ_EVENTS, "Records written to the dead-letter topic, by reason",
        Tags.of(MetricNames.TAG_REASON, reason.label())).increment();
  }

  public void quarantined(String service) {
    counter(MetricNames.QUARANTINE_EVENTS, "Events that claimed redaction but leaked PII (text removed, quarantined)",
        Tags.of(MetricNames.TAG_SERVICE, service)).increment();
  }

  public void lateEvent(String service) {
    counter(MetricNames.LATE_EVENTS, "Events that arrived after their window's grace period",
        Tags.of(MetricNames.TAG_SERVICE, service)).increment();
  }

  public void segmentOverflow(String dimension) {
    counter(MetricNames.SEGMENT_OVERFLOW, "Segment values folded into 'other' by the cardinality budget",
        Tags.of(MetricNames.TAG_DIMENSION, dimension)).increment();
  }

  public void sampled(String service, String reason) {
    counter(MetricNames.SAMPLES, "Events forwarded to the samples topic, by reason",
        Tags.of(MetricNames.TAG_SERVICE, service, MetricNames.TAG_REASON, reason)).increment();
  }

  /** A tier-1 check that threw on an event (its score was neutral); a bug to investigate, never expected. */
  public void scoringFailure(String check) {
    counter(MetricNames.SCORING_FAILURES, "Tier-1 checks that failed on an event, by check (the event was still counted)",
        Tags.of(MetricNames.TAG_CHECK, check)).increment();
  }

  /** A text field longer than the scoring cap: the safety checks read only its first part. */
  public void scoringTruncated(String field) {
    counter(MetricNames.SCORING_TRUNCATED,
        "Text fields the tier-1 safety checks read only in part (longer than monitor.scoring.max.field.chars), by field",
        Tags.of(MetricNames.TAG_FIELD, field)).increment();
  }

  public void scoringNanos(long nanos) {
    scoringDuration.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void streamsRunning(boolean running) {
    streamsRunning.set(running ? 1 : 0);
  }

  public void consumerLag(DoubleSupplier lag) {
    this.consumerLag = lag;
  }

  public void windowClosed() {
    windowsClosed.increment();
  }

  // ---- per-segment signals ----

  /** The cached meters of one segment; look them up once per event. */
  public SegmentMeters segment(SegmentLabels labels) {
    return segments.computeIfAbsent(labels, SegmentMeters::new);
  }

  /** Records the latency quantiles of a closed pane (seconds). */
  public void windowLatency(SegmentLabels labels, double p50, double p95, double p99) {
    setGauge(labels.tags().and(MetricNames.TAG_PERCENTILE, "p50"), p50);
    setGauge(labels.tags().and(MetricNames.TAG_PERCENTILE, "p95"), p95);
    setGauge(labels.tags().and(MetricNames.TAG_PERCENTILE, "p99"), p99);
  }

  private void setGauge(Tags tags, double value) {
    String id = MetricNames.WINDOW_LATENCY + tags;
    gauges.computeIfAbsent(id, k -> {
      AtomicReference<Double> ref = new AtomicReference<>(Double.NaN);
      Gauge.builder(MetricNames.WINDOW_LATENCY, ref, AtomicReference::get)
          .description("Latency quantiles of the last closed 1-minute pane, from its DDSketch")
          .baseUnit("seconds")
          .tags(tags)
          .register(registry);
      return ref;
    }).set(Double.isFinite(value) ? value : Double.NaN);
  }

  // ---- detection ----

  /** Sets the active-alert gauge for one signal and segment; 1 while FIRING, 0 once RESOLVED. */
  public void alertState(String signal, String severity, SegmentLabels labels, boolean firing, String state) {
    Tags tags = labels.tags().and(MetricNames.TAG_SIGNAL, signal, MetricNames.TAG_SEVERITY, severity);
    String id = MetricNames.ALERTS_ACTIVE + tags;
    gauges.computeIfAbsent(id, k -> {
      AtomicReference<Double> ref = new AtomicReference<>(0.0);
      Gauge.builder(MetricNames.ALERTS_ACTIVE, ref, AtomicReference::get)
          .description("1 while a detector alert is FIRING for the signal and segment")
          .tags(tags)
          .register(registry);
      return ref;
    }).set(firing ? 1.0 : 0.0);
    counter(MetricNames.ALERTS, "Detector alert events emitted",
        Tags.of(MetricNames.TAG_SIGNAL, signal, MetricNames.TAG_SEVERITY, severity, MetricNames.TAG_STATE, state))
        .increment();
  }

  private Counter counter(String name, String description, Tags tags) {
    String id = name + tags;
    Counter c = simpleCounters.get(id);
    if (c == null) {
      c = simpleCounters.computeIfAbsent(id, k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
    return c;
  }

  /** Meters of one segment, created once. */
  public final class SegmentMeters {
    private final Counter ok;
    private final Counter error;
    private final Counter pii;
    private final Counter injection;
    private final Counter toxicity;
    private final Counter redactionFailure;
    private final Counter refusalNone;
    private final Counter refusalPartial;
    private final Counter refusalFull;
    private final ScoreHistogram groundedness;
    private final ScoreHistogram relevance;
    private final Timer latency;
    private final Timer ttft;
    private final Counter inputTokens;
    private final Counter outputTokens;
    private final Counter cost;

    SegmentMeters(SegmentLabels labels) {
      Tags t = labels.tags();
      ok = segCounter(MetricNames.REQUESTS, "LLM requests by status", t.and(MetricNames.TAG_STATUS, "ok"));
      error = segCounter(MetricNames.REQUESTS, "LLM requests by status", t.and(MetricNames.TAG_STATUS, "error"));
      String flags = "Events flagged by tier-1 safety scoring";
      pii = segCounter(MetricNames.SAFETY_FLAGS, flags, t.and(MetricNames.TAG_FLAG, "pii"));
      injection = segCounter(MetricNames.SAFETY_FLAGS, flags, t.and(MetricNames.TAG_FLAG, "injection"));
      toxicity = segCounter(MetricNames.SAFETY_FLAGS, flags, t.and(MetricNames.TAG_FLAG, "toxicity"));
      redactionFailure = segCounter(MetricNames.SAFETY_FLAGS, flags, t.and(MetricNames.TAG_FLAG, "redaction_failure"));
      String refusals = "Responses by refusal label";
      refusalNone = segCounter(MetricNames.REFUSALS, refusals, t.and(MetricNames.TAG_REFUSAL, "none"));
      refusalPartial = segCounter(MetricNames.REFUSALS, refusals, t.and(MetricNames.TAG_REFUSAL, "partial"));
      refusalFull = segCounter(MetricNames.REFUSALS, refusals, t.and(MetricNames.TAG_REFUSAL, "full"));
      groundedness = groundednessHistogram.forSegment(labels);
      relevance = relevanceHistogram.forSegment(labels);
      latency = Timer.builder(MetricNames.LATENCY).description("LLM request latency, end_time - start_time")
          .serviceLevelObjectives(LATENCY_BUCKETS).tags(t).register(registry);
      ttft = Timer.builder(MetricNames.TTFT).description("Time to first token")
          .serviceLevelObjectives(LATENCY_BUCKETS).tags(t).register(registry);
      inputTokens = segCounter(MetricNames.TOKENS, "Tokens by direction", t.and(MetricNames.TAG_DIRECTION, "input"));
      outputTokens = segCounter(MetricNames.TOKENS, "Tokens by direction", t.and(MetricNames.TAG_DIRECTION, "output"));
      cost = segCounter(MetricNames.COST_USD, "Cost in US dollars (reported, else priced from the catalog)", t);
    }

    private Counter segCounter(String name, String description, Tags tags) {
      return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    public void request(boolean isError, long latencyMs, Double ttftMs) {
      (isError ? error : ok).increment();
      if (latencyMs >= 0) {
        latency.record(latencyMs, TimeUnit.MILLISECONDS);
      }
      if (ttftMs != null && ttftMs >= 0) {
        ttft.record((long) (ttftMs * 1_000_000), TimeUnit.NANOSECONDS);
      }
    }

    public void flags(boolean isPii, boolean isInjection, boolean isToxic, boolean isRedactionFailure) {
      if (isPii) {
        pii.increment();
      }
      if (isInjection) {
        injection.increment();
      }
      if (isToxic) {
        toxicity.increment();
      }
      if (isRedactionFailure) {
        redactionFailure.increment();
      }
    }

    public void refusal(String label) {
      switch (label) {
        case "full" -> refusalFull.increment();
        case "partial" -> refusalPartial.increment();
        default -> refusalNone.increment();
      }
    }

    public void scores(Double groundednessScore, Double relevanceScore) {
      if (groundednessScore != null) {
        groundedness.observe(groundednessScore);
      }
      if (relevanceScore != null) {
        relevance.observe(relevanceScore);
      }
    }

    public void usage(Long in, Long out, Double usd) {
      if (in != null && in > 0) {
        inputTokens.increment(in);
      }
      if (out != null && out > 0) {
        outputTokens.increment(out);
      }
      if (usd != null && usd > 0) {
        cost.increment(usd);
      }
    }
  }
}
