package dev.llmqm.scoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The tier-1 scores of one event.
 *
 * @param groundedness support of the response by the context in [0,1], 1 = supported; {@code null} when there is
 *     no context or no response
 * @param relevance lexical relevance of the response to the prompt in [0,1]
 * @param injection prompt-injection / jailbreak likelihood in [0,1]; {@code >= 0.5} is flagged
 * @param injectionInContext true when the strongest injection signal came from retrieved context (indirect
 *     injection)
 * @param toxicity toxicity of the response in [0,1]
 * @param toxicityCategory category of the strongest toxic match ({@code profanity}, {@code insult}, {@code
 *     hate}, {@code threat}, {@code sexual}) or {@code null} when none
 * @param responsePii PII types found in the response
 * @param promptPii PII types found in the prompt (scanned only when the event claims redaction)
 * @param refusal refusal label of the response
 * @param failedChecks checks that failed on this event (a bug, never expected): their scores are the neutral
 *     ones (no PII, 0, {@code none}, {@code null} groundedness, 0 relevance) and carry no signal
 */
public record Tier1Scores(
    Double groundedness,
    double relevance,
    double injection,
    boolean injectionInContext,
    double toxicity,
    String toxicityCategory,
    Set<PiiType> responsePii,
    Set<PiiType> promptPii,
    RefusalLabel refusal,
    Set<Check> failedChecks) {

  /** The tier-1 checks, as named in the {@code check} label of {@code llm_scoring_failures_total}. */
  public enum Check {
    PII,
    INJECTION,
    TOXICITY,
    REFUSAL,
    GROUNDEDNESS,
    RELEVANCE;

    /** The lower-case name used as a label value. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Score at or above which injection and toxicity are flagged. */
  public static final double FLAG_THRESHOLD = 0.5;

  /** Copies the PII sets into unmodifiable enum-ordered sets. */
  public Tier1Scores {
    responsePii = freeze(responsePii);
    promptPii = freeze(promptPii);
    if (refusal == null) {
      refusal = RefusalLabel.NONE;
    }
    failedChecks = failedChecks == null || failedChecks.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(failedChecks));
  }

  /** True when {@code check} failed on this event, so its score carries no signal. */
  public boolean failed(Check check) {
    return failedChecks.contains(check);
  }

  private static Set<PiiType> freeze(Set<PiiType> s) {
    if (s == null || s.isEmpty()) {
      return Collections.unmodifiableSet(EnumSet.noneOf(PiiType.class));
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(s));
  }

  /** Union of response and prompt PII, in enum order. */
  public Set<PiiType> pii() {
    EnumSet<PiiType> all = EnumSet.noneOf(PiiType.class);
    all.addAll(responsePii);
    all.addAll(promptPii);
    return Collections.unmodifiableSet(all);
  }

  /** True when {@link #injection()} {@code >= 0.5}. */
  public boolean injectionFlagged() {
    return injection >= FLAG_THRESHOLD;
  }

  /** True when {@link #toxicity()} {@code >= 0.5}. */
  public boolean toxic() {
    return toxicity >= FLAG_THRESHOLD;
  }
}
