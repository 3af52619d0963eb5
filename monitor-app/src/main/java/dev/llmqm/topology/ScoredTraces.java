package dev.llmqm.topology;

import dev.llmqm.schemas.ScoredTrace;
import dev.llmqm.scoring.Tier1Scores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The tier-1 verdicts of a sampled event as {@link ScoredTrace} records, weighted by 1 / inclusion probability. */
public final class ScoredTraces {
  private ScoredTraces() {}

  public static final String VERSION = "tier1-1";

  public static List<ScoredTrace> of(Scored s) {
    Tier1Scores t = s.scores();
    double p = s.sampling().inclusionProbability() * s.event().getProducerSampleRate();
    double weight = p > 0 ? 1.0 / p : 1.0;
    List<ScoredTrace> out = new ArrayList<>(6);
    out.add(trace(s, "groundedness", t.groundedness(), null, weight));
    out.add(trace(s, "relevance", t.relevance(), null, weight));
    out.add(trace(s, "injection", t.injection(), t.injectionFlagged() ? "flagged" : "clean", weight));
    out.add(trace(s, "toxicity", t.toxicity(), t.toxicityCategory(), weight));
    out.add(trace(s, "refusal", null, t.refusal().wireName(), weight));
    out.add(trace(s, "pii", t.pii().isEmpty() ? 0.0 : 1.0, t.pii().isEmpty() ? "none" : t.pii().toString(), weight));
    return out;
  }

  private static ScoredTrace trace(Scored s, String scorer, Double score, String label, double weight) {
    return ScoredTrace.newBuilder()
        .setEventId(s.event().getEventId())
        .setTraceId(s.event().getTraceId())
        .setSegment(Panes.segment(s.segment()))
        .setEventTime(Instant.ofEpochMilli(s.facts().endTimeMs()))
        .setScorer(scorer)
        .setScorerVersion(VERSION)
        .setScore(score)
        .setLabel(label)
        .setSampleWeight(weight)
        .build();
  }
}
