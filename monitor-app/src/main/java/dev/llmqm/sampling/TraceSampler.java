package dev.llmqm.sampling;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which events go to the sample (tier-2/3 scoring).
 *
 * <ol>
 *   <li>Force-keep, in this order: errors ({@code error}), canary traffic ({@code canary}),
 *       tier-1 flags ({@code flag}), negative user feedback ({@code feedback}) — each when enabled
 *       in the config. Inclusion probability 1. Force-kept events are not capped by the budget
 *       (their probability must stay 1) but do use its tokens.
 *   <li>Otherwise by rate: {@code u(trace_id) < rate(service_name)}, where {@code u} is a fixed
 *       64-bit hash of the trace id mapped to [0, 1) ({@link TraceHash}). All spans of a trace get
 *       the same {@code u}, so a trace is kept or dropped as a whole, on every instance and on
 *       replay. Inclusion probability = rate.
 *   <li>Budget: rate-sampled events take a token from the service's bucket, which holds at most
 *       {@code budgetPerSecond} tokens and refills at {@code budgetPerSecond} per second of
 *       <em>event</em> time (the bucket clock only moves forward; late events use the current
 *       level). With no token the event is dropped with reason {@code budget_exceeded}.
 * </ol>
 *
 * <p>Deterministic: the same events in the same order give the same decisions. While the budget
 * binds, the sampled share is below the nominal rate, so re-weighted estimates from those seconds
 * over-count the force-kept events; the {@code budget_exceeded} count shows when that happens.
 * Thread-safe (one lock per service bucket).
 */
public final class TraceSampler {

  private static final int MAX_BUCKETS = 10_000;
  private static final String OVERFLOW_BUCKET = "\u0000overflow";

  private final SamplingConfig cfg;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TraceSampler(SamplingConfig cfg) {
    this.cfg = Objects.requireNonNull(cfg, "cfg");
  }

  public SamplingConfig config() {
    return cfg;
  }

  public SamplingDecision decide(
      String traceId,
      String serviceName,
      String rolloutVariant,
      boolean error,
      boolean flagged,
      long eventTimeMs) {
    return decide(traceId, serviceName, rolloutVariant, error, flagged, false, eventTimeMs);
  }

  /** As {@link #decide(String, String, String, boolean, boolean, long)} with negative feedback. */
  public SamplingDecision decide(
      String traceId,
      String serviceName,
      String rolloutVariant,
      boolean error,
      boolean flagged,
      boolean negativeFeedback,
      long eventTimeMs) {
    String forced = null;
    if (cfg.keepErrors() && error) {
      forced = SamplingDecision.ERROR;
    } else if (cfg.keepCanary() && "canary".equals(rolloutVariant)) {
      forced = SamplingDecision.CANARY;
    } else if (cfg.keepFlagged() && flagged) {
      forced = SamplingDecision.FLAG;
    } else if (cfg.keepFlagged() && negativeFeedback) {
      forced = SamplingDecision.FEEDBACK;
    }
    boolean capped = cfg.budgetPerSecond() != Double.POSITIVE_INFINITY;
    if (forced != null) {
      if (capped) {
        bucket(serviceName).take(eventTimeMs, cfg.budgetPerSecond());
      }
      return Decisions.forced(forced);
    }
    double rate = cfg.rateFor(serviceName);
    boolean hit = traceId != null && TraceHash.uniform(traceId) < rate;
    if (!hit) {
      return Decisions.notSampled(rate);
    }
    if (capped && !bucket(serviceName).take(eventTimeMs, cfg.budgetPerSecond())) {
      return Decisions.budgetExceeded(rate);
    }
    return Decisions.sampled(rate);
  }

  private Bucket bucket(String serviceName) {
    String key = serviceName == null ? "" : serviceName;
    Bucket b = buckets.get(key);
    if (b == null) {
      if (buckets.size() >= MAX_BUCKETS) {
        key = OVERFLOW_BUCKET;
      }
      b = buckets.computeIfAbsent(key, k -> new Bucket(cfg.budgetPerSecond()));
    }
    return b;
  }

  /** Token bucket on event time. */
  private static final class Bucket {
    private double tokens;
    private long clockMs = Long.MIN_VALUE;

    Bucket(double capacity) {
      this.tokens = capacity;
    }

    synchronized boolean take(long eventTimeMs, double perSecond) {
      if (clockMs == Long.MIN_VALUE) {
        clockMs = eventTimeMs;
      } else if (eventTimeMs > clockMs) {
        tokens = Math.min(perSecond, tokens + (eventTimeMs - clockMs) * perSecond / 1000.0);
        clockMs = eventTimeMs;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /** Shared decision instances for the common cases, so deciding does not allocate. */
  private static final class Decisions {
    private static final SamplingDecision ERROR =
        new SamplingDecision(true, 1, SamplingDecision.ERROR);
    private static final SamplingDecision CANARY =
        new SamplingDecision(true, 1, SamplingDecision.CANARY);
    private static final SamplingDecision FLAG =
        new SamplingDecision(true, 1, SamplingDecision.FLAG);
    private static final SamplingDecision FEEDBACK =
        new SamplingDecision(true, 1, SamplingDecision.FEEDBACK);

    static SamplingDecision forced(String reason) {
      switch (reason) {
        case SamplingDecision.ERROR:
          return ERROR;
        case SamplingDecision.CANARY:
          return CANARY;
        case SamplingDecision.FLAG:
          return FLAG;
        default:
          return FEEDBACK;
      }
    }

    static SamplingDecision sampled(double rate) {
      return new SamplingDecision(true, rate, SamplingDecision.RATE);
    }

    static SamplingDecision notSampled(double rate) {
      return new SamplingDecision(false, rate, SamplingDecision.RATE);
    }

    static SamplingDecision budgetExceeded(double rate) {
      return new SamplingDecision(false, rate, SamplingDecision.BUDGET_EXCEEDED);
    }
  }
}
