package dev.llmqm.scoring;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lexical groundedness of a response in its retrieved context, in [0,1] (1 = supported).
 *
 * <p>The score is a <em>ratio</em>, so answer length is not the signal: the weighted share of the response's
 * content tokens that the context supports (exact stem, surface form, or a shared 6-char prefix for long
 * words), multiplied by strong penalties for high-precision hallucination flags:
 *
 * <ul>
 *   <li>each number absent from the context: ×{@value #NUMBER_PENALTY};
 *   <li>each capitalised name (a run of capitalised words, not sentence-initial function words) with a word
 *       absent from both the context and the prompt: ×{@value #NAME_PENALTY};
 *   <li>each multi-word name whose words are all supported but never adjacent in the context or prompt
 *       (a name stitched together from parts, "Lake Erie State Park"): ×{@value #SPLIT_NAME_PENALTY};
 *   <li>each negation or exclusivity marker ("not", "never", "instead", "only", …) absent from the context:
 *       ×{@value #NEGATION_PENALTY}.
 * </ul>
 *
 * Numbers are compared by value, however they are written: "05" and "5", "3 million" and "3,000,000", "fourteen" and
 * "14", "5 pm" and "17:00", "2GB" and "2 GB"; an ISO date in the context supports its month's name ("2024-03-05",
 * "March 5, 2024"). An attribution ("Based on the provided context, ...", "according to the documentation") and a
 * sentence's opening word that claims nothing ("Overall, ...", "No, ...") count neither way. Content tokens that only
 * restate the prompt count half. Names and numbers weigh double in the share. A response without content tokens scores
 * 1 (nothing to contradict). Context features are cached per chunk by a keyed 64-bit content hash ({@link
 * Text#contentHash}) in a bounded LRU, so repeated chunks (common in RAG) are tokenised once. Thread-safe.
 */
public final class GroundednessScorer {

  static final double NUMBER_PENALTY = 0.45;
  static final double NAME_PENALTY = 0.55;
  static final double NEGATION_PENALTY = 0.7;
  static final double SPLIT_NAME_PENALTY = 0.75;
  private static final int CACHE_SIZE = 2048;

  private final int maxFieldChars;
  private final Map<Long, ChunkFeatures> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ChunkFeatures> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /** Features of one context chunk. */
  record ChunkFeatures(int length, Set<String> keys) {}

  /** Creates a scorer capping every field and chunk at {@code maxFieldChars}. */
  public GroundednessScorer(int maxFieldChars) {
    this.maxFieldChars = maxFieldChars;
  }

  /** Creates a scorer with {@link ScoringConfig#defaults()}. */
  public GroundednessScorer() {
    this(ScoringConfig.DEFAULT_MAX_FIELD_CHARS);
  }

  /**
   * Scores {@code response} against {@code context}; {@code prompt} may be null.
   *
   * @return the score, or {@code null} when there is no context or no response
   */
  public Double score(String prompt, String response, List<String> context) {
    if (response == null || response.isBlank() || context == null || context.isEmpty()) {
      return null;
    }
    return score(
        prompt == null ? List.of() : Tokenizer.tokenize(Text.cap(prompt, maxFieldChars)),
        Tokenizer.tokenize(Text.cap(response, maxFieldChars)),
        context);
  }

  /** Scores already-tokenised prompt and response; {@code context} as in {@link #score(String, String, List)}. */
  Double score(List<Token> promptTokens, List<Token> responseTokens, List<String> context) {
    if (responseTokens.isEmpty() || context == null || context.isEmpty()) {
      return null;
    }
    List<ChunkFeatures> chunks = new java.util.ArrayList<>(context.size());
    int budget = maxFieldChars;
    for (String chunk : context) {
      if (chunk == null || chunk.isEmpty() || budget <= 0) {
        continue;
      }
      String capped = Text.cap(chunk, Math.min(budget, maxFieldChars));
      budget -= capped.length();
      chunks.add(features(capped));
    }
    if (chunks.isEmpty()) {
      return null;
    }
    return scoreChunks(promptTokens, responseTokens, chunks);
  }

  private Double scoreChunks(List<Token> promptTokens, List<Token> tokens, List<ChunkFeatures> chunks) {
    // sized for the keys it can get (up to three per token, and the bigrams): growing it cost more than filling it
    Set<String> promptKeys = new HashSet<>(Math.max(16, promptTokens.size() * 4));
    for (Token t : promptTokens) {
      if (t.content()) {
        addKeys(promptKeys, t);
      }
    }
    addBigrams(promptKeys, promptTokens);
    double total = 0;
    double supported = 0;
    double penalty = 1;
    boolean inName = false;
    boolean nameUnsupported = false;
    boolean nameSplit = false;
    Token previousNameToken = null;
    boolean scaleSupported = false; // the token is the scale word of a number supported by its value
    int attributed = 0; // tokens before this index are an attribution ("based on the provided context")
    for (int i = 0; i <= tokens.size(); i++) {
      Token t = i < tokens.size() ? tokens.get(i) : null;
      boolean scaleWord = scaleSupported;
      scaleSupported = false;
      // attributions open a sentence ("Based on ...", "The documentation says ...") or say "according to"
      if (t != null && i >= attributed && (t.sentenceStart() || t.lower().length() == 9 && !t.capitalised()
          && t.lower().equals("according"))) {
        attributed = attributionEnd(tokens, i);
      }
      // an attribution, and a sentence's opening word that names nothing ("Overall, ..."), carry no claim
      boolean skip = i < attributed || t != null && t.sentenceStart() && OPENERS.contains(t.lower());
      boolean isName = t != null && !skip && t.capitalised() && !t.number() && !t.stopword()
          && !(t.sentenceStart() && t.negation());
      if (inName && !isName) {
        if (nameUnsupported) {
          penalty *= NAME_PENALTY;
        } else if (nameSplit) {
          penalty *= SPLIT_NAME_PENALTY;
        }
        inName = false;
        nameUnsupported = false;
        nameSplit = false;
        previousNameToken = null;
      }
      if (t == null) {
        break;
      }
      if (skip) {
        continue; // where the answer comes from, not what it says
      }
      boolean negation = t.negation();
      if (negation) {
        if (!supportedBy(chunks, t)) {
          penalty *= NEGATION_PENALTY;
        }
        continue;
      }
      if (!t.content()) {
        continue;
      }
      boolean inContext = scaleWord || supportedBy(chunks, t);
      boolean byValue = !inContext && hasOtherValue(tokens, i) && supportedByValue(chunks, tokens, i);
      inContext |= byValue;
      scaleSupported = byValue && i + 1 < tokens.size() && SCALES.containsKey(tokens.get(i + 1).lower());
      boolean inPrompt = !inContext && promptKeys.contains(t.stem());
      double w = t.number() || isName ? 2 : 1;
      total += w;
      if (inContext) {
        supported += w;
      } else if (inPrompt) {
        supported += w * 0.5;
      }
      if (t.number() && !inContext) {
        penalty *= NUMBER_PENALTY;
      }
      if (isName) {
        inName = true;
        if (!inContext && !inPrompt) {
          nameUnsupported = true;
        }
        if (previousNameToken != null && !bigramIn(chunks, promptKeys, previousNameToken, t)) {
          nameSplit = true; // each word occurs, but never as this multi-word name
        }
        previousNameToken = t;
      }
    }
    if (total == 0) {
      return penalty;
    }
    return Text.clamp01(supported / total * penalty);
  }

  private static boolean supportedBy(List<ChunkFeatures> chunks, Token t) {
    for (ChunkFeatures c : chunks) {
      // a word without suffix is its own stem (the same string): one lookup then
      if (c.keys.contains(t.stem()) || t.lower() != t.stem() && c.keys.contains(t.lower())) {
        return true;
      }
      if (t.prefixKey() != null && c.keys.contains(t.prefixKey())) {
        return true;
      }
      if (t.number() && t.lower().indexOf('.') > 0) {
        // "6.213" is supported by "6.213"; a rounded "6" is not
        continue;
      }
    }
    return false;
  }

  private static boolean bigramIn(List<ChunkFeatures> chunks, Set<String> promptKeys, Token a, Token b) {
    String key = a.lower() + ' ' + b.lower();
    if (promptKeys.contains(key)) {
      return true;
    }
    for (ChunkFeatures c : chunks) {
      if (c.keys.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Adds adjacent-word keys ("lake erie") for capitalised words, used to check multi-word names. */
  private static void addBigrams(Set<String> keys, List<Token> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      Token a = tokens.get(i - 1);
      Token b = tokens.get(i);
      if (a.capitalised() || b.capitalised()) {
        keys.add(a.lower() + ' ' + b.lower());
      }
    }
  }

  /**
   * Words that open a sentence without naming anything or claiming anything ("Overall, ...", "Unfortunately, ..."):
   * capitalised there, and neither a name nor a content word.
   */
  private static final Set<String> OPENERS = Set.of("based", "according", "overall", "however", "therefore",
      "additionally", "sure", "certainly", "unfortunately", "generally", "typically", "usually", "currently", "today",
      "finally", "note", "next", "actually", "basically", "essentially", "specifically", "importantly",
      "alternatively", "similarly", "likewise", "meanwhile", "otherwise", "absolutely", "indeed", "sorry", "thanks",
      "hello", "hi", "briefly", "yes", "no");

  /** What an attribution names as the answer's source ("the provided context", "the documentation"). */
  private static final Set<String> SOURCES = Set.of("context", "contexts", "document", "documents", "documentation",
      "information", "text", "texts", "passage", "passages", "source", "sources", "excerpt", "excerpts", "article",
      "articles", "knowledge", "results", "materials", "data", "records", "snippets", "sections", "section");

  /** Words between the determiner and the source of an attribution ("the provided context"). */
  private static final Set<String> SOURCE_ADJECTIVES = Set.of("provided", "given", "retrieved", "available", "above",
      "attached", "supplied", "shared", "relevant", "search", "base", "product", "help", "support", "official");

  /** What may come before the source of an attribution. */
  private static final Set<String> DETERMINERS = Set.of("the", "this", "these", "your", "our");

  /** Verbs of "the documentation says". */
  private static final Set<String> SOURCE_VERBS = Set.of("says", "say", "states", "state", "mentions", "mention",
      "shows", "show", "indicates", "indicate", "notes", "note", "explains", "explain", "suggests", "suggest");

  /**
   * The end of an attribution that starts at token {@code i} ("based on the provided context", "according to the
   * documentation", "the retrieved documents say"), or {@code i} when none does. Its words say where the answer comes
   * from, not what it says, so they are neither supported nor unsupported.
   */
  private static int attributionEnd(List<Token> tokens, int i) {
    int n = tokens.size();
    String w = tokens.get(i).lower();
    int j;
    boolean verb;
    switch (w) {
      case "based":
      case "according":
        if (i + 1 >= n || !tokens.get(i + 1).lower().equals(w.equals("based") ? "on" : "to")) {
          return i;
        }
        j = i + 2;
        verb = false;
        break;
      case "the":
      case "this":
      case "these":
      case "your":
      case "our":
        // most "the" are followed by no source: one lookup of the next word or two tells
        if (i + 1 >= n || !SOURCES.contains(tokens.get(i + 1).lower())
            && !SOURCE_ADJECTIVES.contains(tokens.get(i + 1).lower())) {
          return i;
        }
        j = i;
        verb = true;
        break;
      default:
        return i;
    }
    if (j < n && DETERMINERS.contains(tokens.get(j).lower())) {
      j++;
    }
    while (j < n && j - i < 6 && SOURCE_ADJECTIVES.contains(tokens.get(j).lower())) {
      j++;
    }
    if (j >= n || !SOURCES.contains(tokens.get(j).lower())) {
      return i;
    }
    j++;
    if (verb) {
      if (j >= n || !SOURCE_VERBS.contains(tokens.get(j).lower())) {
        return i;
      }
      j++;
      if (j < n && tokens.get(j).lower().equals("that")) {
        j++;
      }
    }
    return j;
  }

  /** Scale words after a number ("3 million" is 3,000,000). */
  private static final Map<String, java.math.BigDecimal> SCALES = Map.of(
      "thousand", java.math.BigDecimal.valueOf(1_000L), "million", java.math.BigDecimal.valueOf(1_000_000L),
      "billion", java.math.BigDecimal.valueOf(1_000_000_000L),
      "trillion", java.math.BigDecimal.valueOf(1_000_000_000_000L));

  /** The month of an ISO date in a context chunk is a key by its name: "2024-03-05" supports "March 5, 2024". */
  private static final String[] MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};

  /**
   * The values token {@code i} stands for, each in plain digits (the key a number of the context has), or none: its
   * {@link Token#value()} or the number itself, times a scale word after it ("3 million" is 3000000), and the hour
   * of a time in the afternoon ("5 pm" is 17).
   */
  private static List<String> valueKeys(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    String plain = t.value() != null ? t.value() : t.number() ? t.lower() : null;
    if (plain == null) {
      return List.of();
    }
    String next = i + 1 < tokens.size() ? tokens.get(i + 1).lower() : "";
    java.math.BigDecimal scale = SCALES.get(next);
    if (scale != null) {
      try {
        return List.of(new java.math.BigDecimal(plain).multiply(scale).stripTrailingZeros().toPlainString());
      } catch (NumberFormatException e) {
        return List.of();
      }
    }
    if (next.equals("pm") && plain.length() <= 2 && plain.indexOf('.') < 0) {
      int hour = Integer.parseInt(plain);
      if (hour >= 1 && hour <= 11) {
        return List.of(plain, Integer.toString(hour + 12));
      }
    }
    return List.of(plain);
  }

  /**
   * Whether token {@code i} of a response has a value other than its own text ({@link #valueKeys}): a {@link
   * Token#value()}, or a number before a scale word or "pm". Other numbers are their own value, which the plain
   * lookup finds.
   */
  private static boolean hasOtherValue(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.value() != null) {
      return true;
    }
    if (t.number() && i + 1 < tokens.size()) {
      String next = tokens.get(i + 1).lower();
      return SCALES.containsKey(next) || next.equals("pm");
    }
    return false;
  }

  /**
   * Adds the value keys of token {@code i} of a context chunk, the month name of an ISO date ("2024-03-05" is in
   * March), and the number and unit of a glued quantity ("2GB" supports "2 GB", and "2 GB" supports "2GB").
   */
  private static void addValueKeys(Set<String> keys, List<Token> tokens, int i) {
    keys.addAll(valueKeys(tokens, i));
    Token t = tokens.get(i);
    if (t.number() && t.lower().length() == 4 && i + 2 < tokens.size() && tokens.get(i + 1).number()
        && tokens.get(i + 2).number() && tokens.get(i + 1).lower().length() <= 2
        && tokens.get(i + 2).lower().length() <= 2) {
      int month = Integer.parseInt(tokens.get(i + 1).lower());
      if (month >= 1 && month <= 12) {
        keys.add(MONTH_NAMES[month - 1]);
      }
    }
    String w = t.lower();
    int digits = 0;
    while (digits < w.length() && Character.isDigit(w.charAt(digits))) {
      digits++;
    }
    if (digits > 0 && digits < w.length() && w.length() - digits <= 3 && isLetters(w, digits)) {
      keys.add(new java.math.BigDecimal(w.substring(0, digits)).toPlainString());
      keys.add(w.substring(digits));
    }
    if (t.number() && i + 1 < tokens.size()) {
      String unit = tokens.get(i + 1).lower();
      if (unit.length() <= 3 && isLetters(unit, 0)) {
        keys.add(t.lower() + unit);
      }
    }
  }

  private static boolean isLetters(String w, int from) {
    for (int k = from; k < w.length(); k++) {
      if (!Character.isLetter(w.charAt(k))) {
        return false;
      }
    }
    return from < w.length();
  }

  /** Whether a context chunk holds a value of token {@code i} of the response. */
  private static boolean supportedByValue(List<ChunkFeatures> chunks, List<Token> tokens, int i) {
    List<String> values = valueKeys(tokens, i);
    if (values.isEmpty()) {
      return false;
    }
    for (ChunkFeatures c : chunks) {
      for (String v : values) {
        if (c.keys.contains(v)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void addKeys(Set<String> keys, Token t) {
    keys.add(t.lower());
    keys.add(t.stem());
    if (t.prefixKey() != null) {
      keys.add(t.prefixKey());
    }
  }

  ChunkFeatures features(String chunk) {
    long h = Text.contentHash(chunk);
    synchronized (cache) {
      ChunkFeatures f = cache.get(h);
      if (f != null && f.length == chunk.length()) {
        return f;
      }
    }
    Set<String> keys = new HashSet<>();
    List<Token> tokens = Tokenizer.tokenize(chunk);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      addKeys(keys, t);
      addValueKeys(keys, tokens, i);
    }
    addBigrams(keys, tokens);
    // a HashSet rather than Set.copyOf: its lookups mask the hash, where the immutable set divides
    ChunkFeatures f = new ChunkFeatures(chunk.length(), java.util.Collections.unmodifiableSet(keys));
    synchronized (cache) {
      cache.put(h, f);
    }
    return f;
  }

  int cacheSize() {
    synchronized (cache) {
      return cache.size();
    }
  }
}
