package dev.llmqm.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lexical relevance of a response to its prompt, in [0,1].
 *
 * <p>The core is recall of the prompt's content stems in the response (stopwords, question words and generic
 * instruction verbs such as "explain" or "describe" removed; light stemming; a shared 6-char prefix counts), so
 * an answer that talks about what was asked scores high and an off-topic one low. Recall saturates: covering
 * {@value #SATURATION} of the prompt's content terms scores 1. Documented special cases:
 *
 * <ul>
 *   <li>Short answers to questions ("Delhi" for "In what city …?") cannot repeat the question, so a response
 *       of at most {@value #SHORT_ANSWER_TOKENS} content tokens to a question gets at least {@value
 *       #SHORT_ANSWER_CREDIT}, unless it is a refusal.
 *   <li>A translation, or verse or fiction asked for ("Translate ... into Spanish", "Write a haiku about autumn"),
 *       need not repeat the prompt's words: it gets at least {@value #SHORT_ANSWER_CREDIT}, unless it is a refusal.
 *   <li>A {@code FULL} refusal is capped at {@value #REFUSAL_CAP}; a {@code PARTIAL} one at 0.7.
 *   <li>Empty response: 0. Prompt without content terms (e.g. "Hi!"): 0.5 for any non-empty response.
 * </ul>
 *
 * Thread-safe.
 */
public final class RelevanceScorer {

  static final double SATURATION = 0.6;
  static final int SHORT_ANSWER_TOKENS = 6;
  static final double SHORT_ANSWER_CREDIT = 0.5;
  static final double REFUSAL_CAP = 0.1;
  private static final int PREFIX = 6;

  private final int maxFieldChars;

  /** Creates a scorer capping fields at {@code maxFieldChars}. */
  public RelevanceScorer(int maxFieldChars) {
    this.maxFieldChars = maxFieldChars;
  }

  /** Creates a scorer with the default cap. */
  public RelevanceScorer() {
    this(ScoringConfig.DEFAULT_MAX_FIELD_CHARS);
  }

  /** Scores {@code response} against {@code prompt}; {@code refusal} may be null. */
  public double score(String prompt, String response, RefusalLabel refusal) {
    if (response == null || response.isBlank()) {
      return 0;
    }
    String p = prompt == null ? "" : Text.cap(prompt, maxFieldChars);
    return score(p.indexOf('?') >= 0, Tokenizer.tokenize(p),
        Tokenizer.tokenize(Text.cap(response, maxFieldChars)), refusal);
  }

  /** Scores already-tokenised texts; {@code questionMark} tells whether the prompt contains '?'. */
  double score(boolean questionMark, List<Token> promptTokens, List<Token> responseTokens,
      RefusalLabel refusal) {
    if (responseTokens.isEmpty()) {
      return 0;
    }
    Set<String> wanted = new HashSet<>();
    for (Token t : promptTokens) {
      if (t.content() && !t.instruction()) {
        wanted.add(t.stem());
      }
    }
    // the prompt's wanted stems are few: look each response token up in them rather than indexing the response
    Map<String, List<String>> wantedByPrefix = new HashMap<>();
    for (String w : wanted) {
      if (w.length() > PREFIX) {
        wantedByPrefix.computeIfAbsent("~" + w.substring(0, PREFIX), k -> new ArrayList<>(1)).add(w);
      }
    }
    Set<String> found = new HashSet<>();
    int responseContent = 0;
    for (Token t : responseTokens) {
      if (t.content()) {
        responseContent++;
        if (wanted.contains(t.stem())) {
          found.add(t.stem());
        }
        if (t.lower() != t.stem() && wanted.contains(t.lower())) { // a word without suffix is its own stem
          found.add(t.lower());
        }
        if (t.prefixKey() != null) {
          List<String> sharing = wantedByPrefix.get(t.prefixKey());
          if (sharing != null) {
            found.addAll(sharing);
          }
        }
      }
    }
    double score;
    if (wanted.isEmpty()) {
      score = 0.5;
    } else {
      int hit = found.size();
      double recall = (double) hit / wanted.size();
      score = Math.min(1, recall / SATURATION);
      boolean question = questionMark || startsWithQuestionWord(promptTokens);
      if (question && responseContent > 0 && responseContent <= SHORT_ANSWER_TOKENS) {
        score = Math.max(score, SHORT_ANSWER_CREDIT);
      }
      if (score < SHORT_ANSWER_CREDIT && responseContent > 0 && transformsOrCreates(promptTokens)) {
        score = Math.max(score, SHORT_ANSWER_CREDIT);
      }
    }
    if (refusal == RefusalLabel.FULL) {
      score = Math.min(score, REFUSAL_CAP);
    } else if (refusal == RefusalLabel.PARTIAL) {
      score = Math.min(score, 0.7);
    }
    return Text.clamp01(score);
  }

  /** What a prompt asks to be written when it opens with "write", "compose" and the like. */
  private static final Set<String> CREATIVE_FORMS = Set.of("poem", "poems", "haiku", "haikus", "limerick",
      "limericks", "sonnet", "sonnets", "story", "stories", "song", "songs", "lyrics", "joke", "jokes", "riddle",
      "rap", "verse", "ode", "fable", "tale");

  /**
   * Whether the prompt asks for a translation or a piece of verse or fiction ("Translate 'good morning' into
   * Spanish", "Write a haiku about autumn"), whose answer need not repeat its words.
   */
  private static boolean transformsOrCreates(List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.sentenceStart() && !(i > 0 && tokens.get(i - 1).lower().equals("please"))) {
        continue;
      }
      switch (t.lower()) {
        case "translate":
          return true;
        case "write": case "compose": case "tell": case "make": case "give": case "create":
          for (int k = i + 1; k < Math.min(tokens.size(), i + 5); k++) {
            if (CREATIVE_FORMS.contains(tokens.get(k).lower())) {
              return true;
            }
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  private static boolean startsWithQuestionWord(List<Token> tokens) {
    for (Token t : tokens) {
      if (t.sentenceStart()) {
        switch (t.lower()) {
          case "what": case "which": case "who": case "whom": case "whose": case "when": case "where":
          case "why": case "how": case "is": case "are": case "was": case "were": case "do": case "does":
          case "did": case "can": case "could": case "should": case "would": case "will": case "name":
            return true;
          default:
            break;
        }
      }
    }
    return false;
  }
}
