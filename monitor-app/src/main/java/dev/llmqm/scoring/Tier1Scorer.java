package dev.llmqm.scoring;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs every tier-1 check on one event: PII, injection, toxicity, refusal, groundedness and relevance. Pure
 * and cheap (about 20 µs for a typical 1 KB event): patterns are compiled once, each check has literal
 * prefilters, and every field and context chunk is truncated to {@link ScoringConfig#maxFieldChars()} before
 * any scan; groundedness and relevance read the {@link ScoringConfig#maxAnalysedChars()} window of the prompt
 * and response, so their cost is bounded however long the texts are. Never logs event text. Thread-safe and
 * reusable; create one per application.
 */
public final class Tier1Scorer {

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

  /** Scores {@code in}; a null input scores like an empty one. Never throws on hostile text. */
  public Tier1Scores score(ScoringInput in) {
    ScoringInput input = in == null ? new ScoringInput(null, null, List.of(), false) : in;
    String prompt = input.prompt();
    String response = input.response();
    List<String> context = input.context() == null ? List.of() : input.context();
    if (context.size() > MAX_CONTEXT_CHUNKS) {
      context = context.subList(0, MAX_CONTEXT_CHUNKS);
    }

    Set<PiiType> responsePii = pii.scan(response);
    Set<PiiType> promptPii = input.claimsRedacted() ? pii.scan(prompt) : Set.of();
    InjectionScorer.Result inj = injection.score(prompt, context);
    ToxicityScorer.Result tox = toxicity.score(response);
    RefusalLabel label = refusal.score(response);
    // prompt and response are tokenised once for groundedness and relevance, within the analysis window
    String analysedPrompt = Text.window(prompt, config.maxAnalysedChars());
    List<Token> promptTokens = Tokenizer.tokenize(analysedPrompt);
    List<Token> responseTokens = Tokenizer.tokenize(Text.window(response, config.maxAnalysedChars()));
    Double grounded = groundedness.score(promptTokens, responseTokens, context);
    double relevant =
        response == null || response.isBlank()
            ? 0
            : relevance.score(analysedPrompt.indexOf('?') >= 0, promptTokens, responseTokens, label);
    return new Tier1Scores(
        grounded,
        relevant,
        inj.score(),
        inj.inContext(),
        tox.score(),
        tox.category(),
        responsePii,
        promptPii,
        label);
  }

  /** The configuration this scorer was built with. */
  public ScoringConfig config() {
    return config;
  }
}
