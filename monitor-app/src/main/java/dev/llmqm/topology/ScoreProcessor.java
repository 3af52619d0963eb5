package dev.llmqm.topology;

import dev.llmqm.ingest.LabelValues;
import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.metrics.SegmentLabels;
import dev.llmqm.sampling.SamplingDecision;
import dev.llmqm.sampling.TraceSampler;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.Status;
import dev.llmqm.scoring.ScoringInput;
import dev.llmqm.scoring.Tier1Scorer;
import dev.llmqm.scoring.Tier1Scores;
import dev.llmqm.window.PriceCatalog;
import dev.llmqm.window.ScoredEvent;
import dev.llmqm.window.SegmentBudgets;
import dev.llmqm.window.SegmentKey;
import java.util.OptionalDouble;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tier-1 scoring of every valid event, redaction verification, sampling, and the per-segment
 * Prometheus series. Logs carry ids and reason codes only.
 */
final class ScoreProcessor implements FixedKeyProcessor<String, LlmTraceEvent, Scored> {
  private static final Logger LOG = LoggerFactory.getLogger(ScoreProcessor.class);

  private final Tier1Scorer scorer;
  private final TraceSampler sampler;
  private final SegmentBudgets budgets;
  private final PriceCatalog prices;
  private final MonitorMetrics metrics;
  private FixedKeyProcessorContext<String, Scored> context;
  private long quarantined;

  ScoreProcessor(Tier1Scorer scorer, TraceSampler sampler, SegmentBudgets budgets, PriceCatalog prices, MonitorMetrics metrics) {
    this.scorer = scorer;
    this.sampler = sampler;
    this.budgets = budgets;
    this.prices = prices;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Scored> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, LlmTraceEvent> record) {
    LlmTraceEvent e = record.value();
    boolean claimsRedacted = EventText.claimsRedacted(e);
    long t0 = System.nanoTime();
    ScoringInput input = new ScoringInput(e.getPrompt(), e.getResponse(), EventText.context(e), claimsRedacted);
    Tier1Scores s = scorer.score(input);
    metrics.scoringNanos(System.nanoTime() - t0);
    for (Tier1Scorer.Field field : scorer.truncated(input)) {
      metrics.scoringTruncated(field.label());
    }
    for (Tier1Scores.Check check : s.failedChecks()) {
      metrics.scoringFailure(check.label());
    }
    // a failed check's neutral score is no observation: it stays out of the distributions
    Double relevance = s.failed(Tier1Scores.Check.RELEVANCE) ? null : s.relevance();

    boolean error = e.getStatus() == Status.ERROR;
    boolean pii = !s.pii().isEmpty();
    boolean redactionFailure = claimsRedacted && pii;
    long end = e.getEndTime().toEpochMilli();
    long latency = end - e.getStartTime().toEpochMilli();
    // Priced once here; the pane aggregate only prices what is still missing (unknown models).
    Double cost = e.getCostUsd();
    if (cost == null) {
      OptionalDouble priced = prices.price(e.getProviderName(), e.getRequestModel(),
          orZero(e.getInputTokens()), orZero(e.getOutputTokens()), orZero(e.getCacheReadInputTokens()));
      cost = priced.isPresent() ? priced.getAsDouble() : null;
    }
    ScoredEvent facts = new ScoredEvent(
        e.getTraceId(), end, latency, e.getTtftMs(), error, e.getFinishReasons(),
        e.getInputTokens(), e.getOutputTokens(), e.getCacheReadInputTokens(), cost,
        e.getProviderName(), e.getRequestModel(), e.getProducerSampleRate(),
        pii, s.injectionFlagged(), s.toxic(), redactionFailure,
        s.refusal().wireName(), s.groundedness(), relevance);

    SegmentKey raw = new SegmentKey(
        LabelValues.bounded(e.getServiceName()), nullable(e.getFeature()), LabelValues.bounded(e.getRequestModel()),
        nullable(e.getPromptTemplateVersion()), nullable(e.getRolloutVariant()), LabelValues.bounded(e.getTenantId()));
    SegmentKey segment = budgets.admit(raw, (dimension, ignored) -> metrics.segmentOverflow(dimension));

    SegmentLabels labels = new SegmentLabels(segment.serviceName(), segment.feature(), segment.requestModel(),
        segment.promptTemplateVersion(), segment.rolloutVariant(), segment.tenantId());
    MonitorMetrics.SegmentMeters m = metrics.segment(labels);
    m.request(error, latency, e.getTtftMs());
    m.flags(pii, s.injectionFlagged(), s.toxic(), redactionFailure);
    if (!error) {
      m.refusal(s.refusal().wireName());
      m.scores(s.groundedness(), relevance);
    }
    m.usage(e.getInputTokens(), e.getOutputTokens(), cost);

    LlmTraceEvent out = e;
    if (redactionFailure) {
      out = EventText.withoutText(e);
      metrics.quarantined(segment.serviceName());
      long n = ++quarantined;
      // Logged for the 1st, 2nd, 4th, 8th ... event so that a leaking service cannot flood the log.
      if (Long.bitCount(n) == 1) {
        LOG.warn("Event {} of {} claims redaction but contains {}; text removed, event quarantined ({} so far)",
            LabelValues.safeId(e.getEventId()), segment.serviceName(), s.pii(), n);
      }
    }
    boolean flagged = pii || s.injectionFlagged() || s.toxic();
    SamplingDecision decision = sampler.decide(e.getTraceId(), segment.serviceName(), e.getRolloutVariant(), error, flagged, end);
    if (decision.sampled()) {
      metrics.sampled(segment.serviceName(), decision.reason());
    }
    context.forward(record.withValue(new Scored(out, s, facts, segment, redactionFailure, decision)));
  }

  private static String nullable(String v) {
    return v == null || v.isBlank() ? null : LabelValues.bounded(v);
  }

  private static long orZero(Long v) {
    return v == null ? 0L : v;
  }
}
