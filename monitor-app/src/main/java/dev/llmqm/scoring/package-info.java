/**
 * Tier-1 scorers: cheap, deterministic, Kafka-free checks run on every LLM trace event.
 *
 * <p>{@link dev.llmqm.scoring.Tier1Scorer} is the entry point; it combines {@link
 * dev.llmqm.scoring.PiiScorer}, {@link dev.llmqm.scoring.InjectionScorer}, {@link
 * dev.llmqm.scoring.ToxicityScorer}, {@link dev.llmqm.scoring.RefusalScorer}, {@link
 * dev.llmqm.scoring.GroundednessScorer} and {@link dev.llmqm.scoring.RelevanceScorer} into one {@link
 * dev.llmqm.scoring.Tier1Scores}. All event text is hostile: every field is truncated to {@link
 * dev.llmqm.scoring.ScoringConfig#maxFieldChars()}, every regex is RE2J (linear time) and runs only on short
 * windows found by literal prefilters, and no scorer ever logs event text.
 */
package dev.llmqm.scoring;
