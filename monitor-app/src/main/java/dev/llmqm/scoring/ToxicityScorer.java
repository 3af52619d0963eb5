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
  private static final int MAX_TOKEN_CHARS = 48; // even: the scan tests this limit on every second char

  private final int maxFieldChars;
  private final Map<String, Integer> vocab = new HashMap<>();
  private final Map<String, Integer> collapsedVocab = new HashMap<>();
  private final List<String> categories = new ArrayList<>();
  /** Weight per lexicon entry. */
  private final double[] weights;
  private final AhoCorasick automaton;

  /** Loads the shipped lexicon; fields are capped at {@code maxFieldChars}. */
  public ToxicityScorer(int maxFieldChars) {
    this.maxFieldChars = maxFieldChars;
    Map<String, String[]> entries = new LinkedHashMap<>();
    for (String r : RESOURCES) {
      load(r, entries);
    }
    List<int[]> patterns = new ArrayList<>();
    List<Double> weightList = new ArrayList<>();
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
      weightList.add(Double.parseDouble(e.getValue()[1]));
    }
    this.automaton = new AhoCorasick(patterns);
    this.weights = weightList.stream().mapToDouble(Double::doubleValue).toArray();
    this.words = new char[vocab.size()][];
    this.wordHashes = new long[vocab.size()];
    this.slots = new int[Math.max(16, Integer.highestOneBit(vocab.size()) * 4)];
    this.slotShift = 64 - Integer.numberOfTrailingZeros(slots.length);
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      int id = e.getValue();
      words[id] = e.getKey().toCharArray();
      long h = plainHash(words[id]);
      wordHashes[id] = h;
      long p = h * SPREAD;
      filter[filterWord(p)] |= filterBits(p);
      int slot = (int) (p >>> slotShift);
      while (slots[slot] != 0) {
        slot = (slot + 1) & (slots.length - 1);
      }
      slots[slot] = id + 1;
    }
    this.collapsedWords = new char[collapsedVocab.size()][];
    this.collapsedHashes = new long[collapsedVocab.size()];
    this.collapsedIds = new int[collapsedVocab.size()];
    this.collapsedSlots = new int[Math.max(16, Integer.highestOneBit(collapsedVocab.size()) * 4)];
    this.collapsedShift = 64 - Integer.numberOfTrailingZeros(collapsedSlots.length);
    int k = 0;
    for (Map.Entry<String, Integer> e : collapsedVocab.entrySet()) {
      collapsedWords[k] = e.getKey().toCharArray();
      collapsedHashes[k] = plainHash(collapsedWords[k]);
      collapsedIds[k] = e.getValue();
      int slot = (int) (collapsedHashes[k] * SPREAD >>> collapsedShift);
      while (collapsedSlots[slot] != 0) {
        slot = (slot + 1) & (collapsedSlots.length - 1);
      }
      collapsedSlots[slot] = ++k;
    }
  }

  /** Loads the shipped lexicon with the default field cap. */
  public ToxicityScorer() {
    this(ScoringConfig.DEFAULT_MAX_FIELD_CHARS);
  }

  private static final int LETTER = 1;
  private static final int DIGIT = 2;
  private static final int OTHER = 4;

  /*
   * A plain token (ASCII letters only or digits only, no run of three equal chars after lower-casing) normalises
   * to its ASCII lower case and is never looked up collapsed, so its vocabulary id is found without building a
   * string: a Bloom filter rejects almost every other token with one load, and an open-addressed table of the
   * vocabulary confirms the rest char by char. Both key on the polynomial hash the scan computes, spread by one
   * multiply. The filter sets two bits of one 64-bit word per vocabulary word: 2 KB, which stays in L1, with about
   * 2% false positives for the shipped lexicon; it never rejects a vocabulary word.
   */
  private static final int FILTER_WORDS = 256;
  /** Odd multiplier (2^64 / golden ratio) whose high product bits spread a polynomial hash. */
  private static final long SPREAD = 0x9E3779B97F4A7C15L;

  private final long[] filter = new long[FILTER_WORDS];

  /** The filter word of the spread hash {@code p}. */
  private static int filterWord(long p) {
    return (int) (p >>> 32) & (FILTER_WORDS - 1);
  }

  /** The two filter bits of the spread hash {@code p} (a shift uses the low six bits of its distance). */
  private static long filterBits(long p) {
    return (1L << (p >>> 58)) | (1L << (p >>> 52));
  }

  /** Per vocabulary id: the word's chars and its {@link #plainHash}. */
  private final char[][] words;
  private final long[] wordHashes;
  /** Open addressing (linear probing) on the high bits of the spread hash: vocabulary id + 1, or 0 when free. */
  private final int[] slots;
  private final int slotShift;
  /** The same for the collapsed forms of vocabulary words ("fuuuck" is looked up as "fuck"): entry + 1 per slot. */
  private final char[][] collapsedWords;
  private final long[] collapsedHashes;
  private final int[] collapsedIds;
  private final int[] collapsedSlots;
  private final int collapsedShift;

  /**
   * The hash the scan computes for a token: polynomial over {@code c | 0x20}, which is the lower case of an ASCII
   * letter and leaves digits (and the lower-case vocabulary) unchanged.
   */
  private static long plainHash(char[] word) {
    long h = 0;
    for (char c : word) {
      h = h * 31 + (c | 0x20);
    }
    return h;
  }

  /** The vocabulary id of the plain token {@code a[start, end)} whose {@link #plainHash} is {@code h}, or -1. */
  private int plainId(long p, long h, String a, int start, int end) {
    int mask = slots.length - 1;
    for (int slot = (int) (p >>> slotShift); slots[slot] != 0; slot = (slot + 1) & mask) {
      int id = slots[slot] - 1;
      if (wordHashes[id] == h && sameLowerCase(a, start, end, words[id])) {
        return id;
      }
    }
    return -1;
  }

  /** True when the ASCII letters or digits {@code a[start, end)} lower-cased are {@code word}. */
  private static boolean sameLowerCase(String a, int start, int end, char[] word) {
    if (word.length != end - start) {
      return false;
    }
    for (int k = 0; k < word.length; k++) {
      if ((a.charAt(start + k) | 0x20) != word[k]) {
        return false;
      }
    }
    return true;
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
    char[] normalised = new char[MAX_TOKEN_CHARS]; // the general path's token, normalised
    int n = 0;
    int tokens = 0;
    boolean anyKnown = false;
    boolean lastUnknown = true; // no id yet, or the last one is -1
    int i = 0;
    scan:
    while (tokens < MAX_TOKENS) {
      char c;
      int kind;
      do {
        if (i >= len) {
          break scan;
        }
        c = s.charAt(i++);
        kind = kindOf(c);
      } while (kind == 0);
      // one pass per token (i is past c): char kinds, triple runs and the hash of its first MAX_TOKEN_CHARS
      // chars; two chars a round, so that the length limit (an even count) is tested on every second char only.
      // c | 0x20 is the lower case of an ASCII letter and leaves a digit as it is; runs and hash are used only
      // when the token is letters only or digits only
      int start = i - 1;
      int limit = start + MAX_TOKEN_CHARS;
      int kinds = 0;
      boolean triple = false;
      int p1 = -1;
      int p2 = -1;
      long h = 0;
      int end;
      while (true) {
        int x = c | 0x20;
        kinds |= kind;
        if (x == p1 && x == p2) {
          triple = true;
        }
        p2 = p1;
        p1 = x;
        h = h * 31 + x;
        if (i >= len) {
          end = i;
          break;
        }
        c = s.charAt(i++);
        kind = kindOf(c);
        if (kind == 0) {
          end = i - 1;
          break;
        }
        x = c | 0x20;
        kinds |= kind;
        if (x == p1 && x == p2) {
          triple = true;
        }
        p2 = p1;
        p1 = x;
        h = h * 31 + x;
        if (i >= len) {
          end = i;
          break;
        }
        if (i >= limit) {
          end = i;
          while (i < len && kindOf(s.charAt(i)) != 0) {
            i++; // the rest of an overlong token is not matched
          }
          break;
        }
        c = s.charAt(i++);
        kind = kindOf(c);
        if (kind == 0) {
          end = i - 1;
          break;
        }
      }
      tokens++;
      // letters only or digits only, no run of three: normalising is plain lower-casing, so the filter and the
      // table give the vocabulary id exactly
      int id;
      if ((kinds == LETTER || kinds == DIGIT) && !triple) {
        long p = h * SPREAD;
        long bits = filterBits(p);
        id = (filter[filterWord(p)] & bits) != bits ? -1 : plainId(p, h, s, start, end);
      } else {
        id = lookup(s, start, end, normalised);
      }
      if (id < 0) {
        if (lastUnknown) {
          continue;
        }
        lastUnknown = true;
      } else {
        lastUnknown = false;
        anyKnown = true;
      }
      if (n == ids.length) {
        ids = java.util.Arrays.copyOf(ids, n * 2);
      }
      ids[n++] = id;
    }
    if (!anyKnown) {
      return Result.NONE;
    }
    double[] keep = {1};
    int[] best = {-1};
    boolean[] seen = new boolean[weights.length];
    automaton.search(ids, n, (p, end) -> {
      if (!seen[p]) {
        seen[p] = true;
        keep[0] *= 1 - weights[p];
      }
      if (best[0] < 0 || weights[p] > weights[best[0]]) {
        best[0] = p;
      }
    });
    if (best[0] < 0) {
      return Result.NONE;
    }
    return new Result(Text.clamp01(1 - keep[0]), categories.get(best[0]));
  }

  /**
   * The vocabulary id of the token {@code s[start, end)} {@link #normalise}d, or of its {@link #collapse}d form
   * when it has a run of three; -1 when neither is known. Normalises into {@code b} (at least {@code end - start}
   * chars) and looks the chars up without building a string: text of masked or leetspeak tokens ("f*ck", "5h1t")
   * takes this path for every token.
   */
  private int lookup(String s, int start, int end, char[] b) {
    boolean letter = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      letter |= c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }
    int len = 0;
    long h = 0;
    boolean elongated = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      c = c < 128 ? Text.ASCII_LOWER[c] : Character.toLowerCase(c);
      if (c == '*') {
        continue;
      }
      if (letter || c == '@' || c == '$') {
        c = leet(c);
      }
      elongated |= len >= 2 && c == b[len - 1] && c == b[len - 2];
      b[len++] = c;
      h = h * 31 + (c | 0x20);
    }
    if (len == 0) {
      return -1;
    }
    int id = find(slots, slotShift, words, wordHashes, null, b, len, h);
    if (id < 0 && elongated) {
      int m = 1;
      long hc = b[0] | 0x20;
      for (int i = 1; i < len; i++) {
        if (b[i] != b[m - 1]) {
          b[m++] = b[i];
          hc = hc * 31 + (b[i] | 0x20);
        }
      }
      id = find(collapsedSlots, collapsedShift, collapsedWords, collapsedHashes, collapsedIds, b, m, hc);
    }
    return id;
  }

  /**
   * Looks {@code b[0, len)} with {@link #plainHash} {@code h} up in an open-addressed table of {@code keys} (entry
   * + 1 per slot, 0 when free): the id of the entry with exactly those chars ({@code ids[entry]}, or the entry
   * itself when {@code ids} is null), or -1.
   */
  private static int find(int[] table, int shift, char[][] keys, long[] hashes, int[] ids, char[] b, int len, long h) {
    int mask = table.length - 1;
    for (int slot = (int) (h * SPREAD >>> shift); table[slot] != 0; slot = (slot + 1) & mask) {
      int e = table[slot] - 1;
      if (hashes[e] == h && java.util.Arrays.equals(keys[e], 0, keys[e].length, b, 0, len)) {
        return ids == null ? e : ids[e];
      }
    }
    return -1;
  }

  /** Leetspeak digit or symbol to its letter; other chars unchanged. */
  private static char leet(char c) {
    char letter = Text.leetLetter(c);
    return letter == 0 ? c : letter;
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
        c = leet(c);
      }
      b.append(c);
    }
    return b.toString();
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
    return KIND[c];
  }

  /**
   * Token-char kind of every char as a table (64 KB, of which ASCII text touches two cache lines): one load and no
   * branch on the char's range in the per-char loop.
   */
  private static final byte[] KIND = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        KIND[c] = LETTER;
      } else if (c >= '0' && c <= '9') {
        KIND[c] = DIGIT;
      } else if (c == '@' || c == '$' || c == '*' || c >= 128 && Character.isLetterOrDigit((char) c)) {
        KIND[c] = OTHER;
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
