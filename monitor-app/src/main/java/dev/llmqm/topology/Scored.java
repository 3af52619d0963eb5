package dev.llmqm.topology;

import dev.llmqm.sampling.SamplingDecision;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.scoring.Tier1Scores;
import dev.llmqm.window.ScoredEvent;
import dev.llmqm.window.SegmentKey;

/**
 * An event after tier-1 scoring: the event (text removed when it failed redaction), its scores,
 * the aggregate's view of it, its bounded segment and the sampling decision.
 */
public record Scored(
    LlmTraceEvent event,
    Tier1Scores scores,
    ScoredEvent facts,
    SegmentKey segment,
    boolean redactionFailure,
    SamplingDecision sampling) {}
