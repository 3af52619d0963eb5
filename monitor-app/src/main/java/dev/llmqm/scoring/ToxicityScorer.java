package dev.llmqm.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lexicon-based toxicity in [0,1] with a category ({@code hate}, {@code threat}, {@code sexual}, {@code
 * insult}, {@code profanity}).
 *
 * <p>The lexicon ships under {@code /scoring/} with its source and licence in {@code SOURCE.md}: entries from
 * the MIT-licensed {@code cuss} word list plus the project's own threat, hate and insult phrases. Text is split
 * into tokens, normalised (lower case, leetspeak {@code 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s}, {@code *} dropped,
 * elongations such as "fuuuck" collapsed) and matched on whole tokens with an {@link AhoCorasick} automaton
 * over token ids, so substrings of innocent words ("Scunthorpe", "assessment", "cocktail") never match. Each
 * match contributes its weight; the score is the noisy-OR {@code 1 - Π(1 - w)} over distinct entries, and the
 * category is that of the heaviest match. Thread-safe.
 */
public final class ToxicityScorer {

  /** Outcome: score in [0,1] and category of the strongest match, or {@code null} when nothing matched. */
  public record Result(double score, String category) {
    static final Result NONE = new Result(0, null);
  }

  private static final String[] RESOURCES = {"/scoring/toxicity-cuss.tsv", "/scoring/toxicity-own.tsv"};
  private static final int MAX_TOKENS = 8192;

  private final int maxFieldChars;
  private final Map<String, Integer> vocab = new HashMap<>();
  private final Map<String, Integer> collapsedVocab = new HashMap<>();
  private final List<String> categories = new ArrayList<>();
  private final List<Double> weights = new ArrayList<>();
  private final AhoCorasick automaton;

  /** Loads the shipped lexicon; fields are capped at {@code maxFieldChars}. */
  public ToxicityScorer(int maxFieldChars) {
    this.maxFieldChars = maxFieldChars;
    Map<String, String[]> entries = new LinkedHashMap<>();
    for (String r : RESOURCES) {
      load(r, entries);
    }
    List<int[]> patterns = new ArrayList<>();
    for (Map.Entry<String, String[]> e : entries.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      List<String> toks = normalisedTokens(e.getKey());
      if (toks.isEmpty()) {
        continue;
      }
      int[] ids = new int[toks.size()];
      for (int i = 0; i < ids.length; i++) {
        String t = toks.get(i);
        ids[i] = vocab.computeIfAbsent(t, k -> vocab.size());
        collapsedVocab.putIfAbsent(collapse(t), ids[i]);
      }
      patterns.add(ids);
      categories.add(e.getValue()[0]);
      weights.add(Double.parseDouble(e.getValue()[1]));
    }
    this.automaton = new AhoCorasick(patterns);
    for (String word : vocab.keySet()) {
      long h = asciiLowerHash(word);
      vocabBits[(int) ((h >>> 6) & (BLOOM_WORDS - 1))] |= 1L << (h & 63);
    }
  }

  /** A one-hash Bloom filter of the vocabulary: most tokens are rejected without allocating. */
  private static final int BLOOM_WORDS = 1 << 12;

  private final long[] vocabBits = new long[BLOOM_WORDS];

  private static long asciiLowerHash(CharSequence s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      h ^= c;
      h *= 0x100000001b3L;
    }
    return h ^ (h >>> 29);
  }

  /**
   * True when {@code raw} (ASCII letters only, no run of three equal letters) certainly is not in the
   * vocabulary; for such tokens normalising is plain lower-casing, so the filter is exact for "no".
   */
  private boolean certainlyUnknown(CharSequence raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
      if (i >= 2) {
        char a = Character.toLowerCase(raw.charAt(i - 1));
        char b = Character.toLowerCase(raw.charAt(i - 2));
        if (Character.toLowerCase(c) == a && a == b) {
          return false;
        }
      }
    }
    long h = asciiLowerHash(raw);
    return (vocabBits[(int) ((h >>> 6) & (BLOOM_WORDS - 1))] & (1L << (h & 63))) == 0;
  }

  /** Loads the shipped lexicon with the default field cap. */
  public ToxicityScorer() {
    this(ScoringConfig.DEFAULT_MAX_FIELD_CHARS);
  }

  /** Scores {@code text}; null or empty text scores 0 with no category. */
  public Result score(String text) {
    if (text == null || text.isEmpty()) {
      return Result.NONE;
    }
    String s = Text.cap(text, maxFieldChars);
    int[] ids = new int[Math.min(MAX_TOKENS, s.length() / 2 + 1)];
    int n = 0;
    StringBuilder b = new StringBuilder(32);
    int i = 0;
    boolean anyKnown = false;
    while (i < s.length() && n < ids.length) {
      while (i < s.length() && !tokenChar(s.charAt(i))) {
        i++;
      }
      b.setLength(0);
      while (i < s.length() && tokenChar(s.charAt(i))) {
        if (b.length() < 48) {
          b.append(s.charAt(i));
        }
        i++;
      }
      if (b.length() == 0) {
        continue;
      }
      int id = lookup(b);
      anyKnown |= id >= 0;
      ids[n++] = id;
    }
    if (!anyKnown) {
      return Result.NONE;
    }
    double[] keep = {1};
    int[] best = {-1};
    boolean[] seen = new boolean[weights.size()];
    automaton.search(ids, n, (p, end) -> {
      if (!seen[p]) {
        seen[p] = true;
        keep[0] *= 1 - weights.get(p);
      }
      if (best[0] < 0 || weights.get(p) > weights.get(best[0])) {
        best[0] = p;
      }
    });
    if (best[0] < 0) {
      return Result.NONE;
    }
    return new Result(Text.clamp01(1 - keep[0]), categories.get(best[0]));
  }

  private int lookup(StringBuilder raw) {
    if (certainlyUnknown(raw)) {
      return -1;
    }
    String t = plainLower(raw) ? raw.toString() : normalise(raw);
    if (t.isEmpty()) {
      return -1;
    }
    Integer id = vocab.get(t);
    if (id == null && elongated(t)) {
      id = collapsedVocab.get(collapse(t));
    }
    return id == null ? -1 : id;
  }

  /** True when the token is already lower-case ASCII letters only (the common case: no work to do). */
  private static boolean plainLower(CharSequence raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  /** Lower case; leetspeak mapped when the token has a letter; '*' dropped. */
  static String normalise(CharSequence raw) {
    boolean letter = false;
    for (int i = 0; i < raw.length(); i++) {
      letter |= Character.isLetter(raw.charAt(i));
    }
    StringBuilder b = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = Character.toLowerCase(raw.charAt(i));
      if (c == '*') {
        continue;
      }
      if (letter || c == '@' || c == '$') {
        switch (c) {
          case '0': c = 'o'; break;
          case '1': c = 'i'; break;
          case '3': c = 'e'; break;
          case '4': c = 'a'; break;
          case '5': c = 's'; break;
          case '7': c = 't'; break;
          case '@': c = 'a'; break;
          case '$': c = 's'; break;
          default: break;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  private static boolean elongated(String t) {
    for (int i = 2; i < t.length(); i++) {
      if (t.charAt(i) == t.charAt(i - 1) && t.charAt(i) == t.charAt(i - 2)) {
        return true;
      }
    }
    return false;
  }

  /** Collapses every run of a repeated char to one char. */
  static String collapse(String t) {
    StringBuilder b = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      if (i == 0 || t.charAt(i) != t.charAt(i - 1)) {
        b.append(t.charAt(i));
      }
    }
    return b.toString();
  }

  private static boolean tokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '*';
  }

  private static List<String> normalisedTokens(String phrase) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= phrase.length(); i++) {
      char c = i < phrase.length() ? phrase.charAt(i) : ' ';
      if (tokenChar(c)) {
        b.append(c);
      } else if (b.length() > 0) {
        String t = normalise(b);
        if (!t.isEmpty()) {
          out.add(t);
        }
        b.setLength(0);
      }
    }
    return out;
  }

  private static void load(String resource, Map<String, String[]> entries) {
    try (InputStream in = ToxicityScorer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing lexicon resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 3) {
          continue;
        }
        // later files override earlier ones; weight 0 removes an entry
        if (Double.parseDouble(f[2]) <= 0) {
          entries.remove(f[0]);
        } else {
          entries.put(f[0], new String[] {f[1], f[2]});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
