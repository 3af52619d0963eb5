package dev.llmqm.scoring;

import dev.llmqm.scoring.Tier1Scores.Check;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every tier-1 check on one event: PII, injection, toxicity, refusal, groundedness and relevance. Pure
 * and cheap (about 20 µs for a typical 1 KB event): patterns are compiled once, each check has literal
 * prefilters, and every field and context chunk is truncated to {@link ScoringConfig#maxFieldChars()} before
 * any scan; groundedness and relevance read the {@link ScoringConfig#maxAnalysedChars()} window of the prompt
 * and response, so their cost is bounded however long the texts are. Never logs event text; a check that
 * fails is isolated (see {@link #score}). Thread-safe and reusable; create one per application.
 */
public final class Tier1Scorer {

  private static final Logger LOG = LoggerFactory.getLogger(Tier1Scorer.class);

  private static final int MAX_CONTEXT_CHUNKS = 64;

  private final ScoringConfig config;
  private final PiiScorer pii;
  private final InjectionScorer injection;
  private final ToxicityScorer toxicity;
  private final RefusalScorer refusal;
  private final GroundednessScorer groundedness;
  private final RelevanceScorer relevance;

  /** Builds all scorers for {@code config} (loads the toxicity lexicon once). */
  public Tier1Scorer(ScoringConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    int cap = config.maxFieldChars();
    this.pii = new PiiScorer(config);
    this.injection = new InjectionScorer(cap);
    this.toxicity = new ToxicityScorer(cap);
    this.refusal = new RefusalScorer(cap);
    this.groundedness = new GroundednessScorer(cap);
    this.relevance = new RelevanceScorer(cap);
  }

  /**
   * Scores {@code in}; a null input scores like an empty one. Never throws: a check that fails (a bug on some
   * input) gets its neutral score, is listed in {@link Tier1Scores#failedChecks()}, and the others still run.
   */
  public Tier1Scores score(ScoringInput in) {
    ScoringInput input = in == null ? new ScoringInput(null, null, List.of(), false) : in;
    String prompt = input.prompt();
    String response = input.response();
    List<String> chunks = input.context() == null ? List.of() : input.context();
    List<String> context = chunks.size() > MAX_CONTEXT_CHUNKS ? chunks.subList(0, MAX_CONTEXT_CHUNKS) : chunks;
    EnumSet<Check> failed = EnumSet.noneOf(Check.class);
    // cut once here: each scanner's own cap is then a no-op instead of another copy of a long field
    String cappedPrompt = Text.cap(prompt, config.maxFieldChars());
    String cappedResponse = Text.cap(response, config.maxFieldChars());

    Set<PiiType> responsePii = guard(failed, Check.PII, () -> pii.scan(cappedResponse), Set.of());
    Set<PiiType> promptPii =
        input.claimsRedacted() ? guard(failed, Check.PII, () -> pii.scan(cappedPrompt), Set.of()) : Set.of();
    // injection cuts the prompt itself, keeping its end ("... ignore the above" closes a long pasted document)
    InjectionScorer.Result inj = guard(failed, Check.INJECTION, () -> injection.score(prompt, context), NO_INJECTION);
    ToxicityScorer.Result tox =
        guard(failed, Check.TOXICITY, () -> toxicity.score(cappedResponse), ToxicityScorer.Result.NONE);
    RefusalLabel label = guard(failed, Check.REFUSAL, () -> refusal.score(cappedResponse), RefusalLabel.NONE);
    // prompt and response are tokenised once for groundedness and relevance, within the analysis window
    String analysedPrompt = Text.window(prompt, config.maxAnalysedChars());
    List<List<Token>> tokens = guard(failed, Check.GROUNDEDNESS, () -> List.of(Tokenizer.tokenize(analysedPrompt),
        Tokenizer.tokenize(Text.window(response, config.maxAnalysedChars()))), null);
    Double grounded = null;
    double relevant = 0;
    if (tokens == null) {
      failed.add(Check.RELEVANCE);
    } else {
      List<Token> promptTokens = tokens.get(0);
      List<Token> responseTokens = tokens.get(1);
      grounded = guard(failed, Check.GROUNDEDNESS,
          () -> groundedness.score(promptTokens, responseTokens, context), null);
      // a blank response has no tokens, and relevance scores that 0
      relevant = guard(failed, Check.RELEVANCE,
          () -> relevance.score(analysedPrompt.indexOf('?') >= 0, promptTokens, responseTokens, label), 0.0);
    }
    return new Tier1Scores(
        grounded,
        relevant,
        inj.score(),
        inj.inContext(),
        tox.score(),
        tox.category(),
        responsePii,
        promptPii,
        label,
        failed);
  }

  /** The text fields of an event, as named in the {@code field} label of {@code llm_scoring_truncated_fields_total}. */
  public enum Field {
    PROMPT,
    RESPONSE,
    CONTEXT;

    /** The lower-case name used as a label value. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The fields of {@code in} that the safety checks read only in part: the prompt or the response when longer
   * than {@link ScoringConfig#maxFieldChars()}; the retrieved context when one of its chunks is, when it has more
   * than {@value #MAX_CONTEXT_CHUNKS} chunks, or when its chunks together exceed what the injection scan reads.
   * (The analysis window of groundedness and relevance is by design and not counted.)
   */
  public Set<Field> truncated(ScoringInput in) {
    EnumSet<Field> cut = EnumSet.noneOf(Field.class);
    if (in == null) {
      return cut;
    }
    int cap = config.maxFieldChars();
    if (in.prompt() != null && in.prompt().length() > cap) {
      cut.add(Field.PROMPT);
    }
    if (in.response() != null && in.response().length() > cap) {
      cut.add(Field.RESPONSE);
    }
    List<String> chunks = in.context();
    if (chunks != null && !chunks.isEmpty()) {
      long total = 0;
      boolean longChunk = false;
      for (String chunk : chunks) {
        if (chunk != null) {
          total += chunk.length();
          longChunk |= chunk.length() > cap;
        }
      }
      if (longChunk || chunks.size() > MAX_CONTEXT_CHUNKS || total > InjectionScorer.contextBudget(cap)) {
        cut.add(Field.CONTEXT);
      }
    }
    return cut;
  }

  private static final InjectionScorer.Result NO_INJECTION = new InjectionScorer.Result(0, false);

  /** Failures logged so far, over all checks: the 1st, 2nd, 4th, 8th ... are logged. */
  private static final AtomicLong FAILURES = new AtomicLong();

  /**
   * Runs one check; when it throws, records the check in {@code failed} and returns {@code fallback}. The log
   * line names the check and the exception's class and top frame only: exception messages may quote the text.
   */
  static <T> T guard(Set<Check> failed, Check check, Supplier<T> run, T fallback) {
    try {
      return run.get();
    } catch (RuntimeException | StackOverflowError e) {
      failed.add(check);
      long n = FAILURES.incrementAndGet();
      if (Long.bitCount(n) == 1) {
        StackTraceElement[] at = e.getStackTrace();
        LOG.error("Tier-1 check {} failed with {} at {} ({} failures so far); its score is neutral for this event",
            check.label(), e.getClass().getName(), at.length > 0 ? at[0] : "?", n);
      }
      return fallback;
    }
  }

  /** The configuration this scorer was built with. */
  public ScoringConfig config() {
    return config;
  }
}
