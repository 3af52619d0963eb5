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
  /** Longer tokens are matched on their first chars only. */
  private static final int MAX_TOKEN_CHARS = 48;

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
      long h = mix(asciiLowerHash(word));
      vocabBits[(int) ((h >>> 6) & (BLOOM_WORDS - 1))] |= 1L << (h & 63);
    }
  }

  /** A one-hash Bloom filter of the vocabulary: most tokens are rejected without allocating. */
  private static final int BLOOM_WORDS = 1 << 12;

  private final long[] vocabBits = new long[BLOOM_WORDS];

  private static final int LETTER = 1;
  private static final int DIGIT = 2;
  private static final int OTHER = 4;

  /** A polynomial hash of the ASCII-lower-cased chars, as the scan computes it (cheap per char). */
  private static long asciiLowerHash(CharSequence s) {
    long h = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      h = h * 31 + c;
    }
    return h;
  }

  /** Spreads the bits of a polynomial hash (the murmur3 finaliser) before it picks a filter bit. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** False when the token whose {@link #asciiLowerHash} is {@code hash} certainly is not in the vocabulary. */
  private boolean mayBeInVocabulary(long hash) {
    long h = mix(hash);
    return (vocabBits[(int) ((h >>> 6) & (BLOOM_WORDS - 1))] & (1L << (h & 63))) != 0;
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
    int len = s.length();
    // known ids, with one -1 (an automaton reset) for each run of unknown tokens in between
    int[] ids = new int[16];
    int n = 0;
    int tokens = 0;
    boolean anyKnown = false;
    int i = 0;
    while (i < len && tokens < MAX_TOKENS) {
      char c = s.charAt(i);
      int kind = kindOf(c);
      if (kind == 0) {
        i++;
        continue;
      }
      // one pass per token: char kinds, triple runs and the Bloom hash of its first MAX_TOKEN_CHARS chars,
      // table-driven so that the only unpredictable branch is the token's end
      int start = i;
      int limit = Math.min(len, start + MAX_TOKEN_CHARS);
      int kinds = 0;
      boolean triple = false;
      int p1 = -1;
      int p2 = -1;
      long h = 0;
      while (true) {
        int lc = c < 128 ? Text.ASCII_LOWER[c] : c;
        kinds |= kind;
        triple |= lc == p1 & lc == p2;
        p2 = p1;
        p1 = lc;
        h = h * 31 + lc;
        if (++i >= limit) {
          break;
        }
        c = s.charAt(i);
        kind = kindOf(c);
        if (kind == 0) {
          break;
        }
      }
      while (i < len && tokenChar(s.charAt(i))) {
        i++; // the rest of an overlong token is not matched
      }
      tokens++;
      // letters only or digits only, no run of three: normalising is plain lower-casing, and the filter is
      // exact for "not in the vocabulary"
      boolean filterExact = (kinds == LETTER || kinds == DIGIT) && !triple;
      int id = filterExact && !mayBeInVocabulary(h) ? -1 : lookup(s.substring(start, Math.min(i, limit)));
      if (id < 0 && (n == 0 || ids[n - 1] < 0)) {
        continue;
      }
      if (n == ids.length) {
        ids = java.util.Arrays.copyOf(ids, n * 2);
      }
      ids[n++] = id;
      anyKnown |= id >= 0;
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

  /** The vocabulary id of the raw token, or -1. */
  private int lookup(String raw) {
    String t = plainLower(raw) ? raw : normalise(raw);
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
    return kindOf(c) != 0;
  }

  /** {@link #LETTER}, {@link #DIGIT} or {@link #OTHER} for a token char (non-ASCII letters are OTHER), else 0. */
  private static int kindOf(char c) {
    if (c < 128) {
      return ASCII_KIND[c];
    }
    return Character.isLetterOrDigit(c) ? OTHER : 0;
  }

  /** Token-char kinds of ASCII as a table: the per-char work of every scanned text. */
  private static final byte[] ASCII_KIND = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        ASCII_KIND[c] = LETTER;
      } else if (c >= '0' && c <= '9') {
        ASCII_KIND[c] = DIGIT;
      } else if (c == '@' || c == '$' || c == '*') {
        ASCII_KIND[c] = OTHER;
      }
    }
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
