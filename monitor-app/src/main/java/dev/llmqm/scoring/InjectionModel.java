package dev.llmqm.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Logistic regression over hashed word unigrams and bigrams of a text, plus one feature for text retrieved as
 * context: the probability that the text is a prompt injection or jailbreak. It reads paraphrases that no phrase
 * rule lists, and it is what keeps a rule from flagging a short text that only quotes an attack phrase.
 *
 * <p>Words are maximal runs of letters, digits and apostrophes, lower-cased; any other char but whitespace is a
 * word of its own. A text of more than {@value #MAX_TOKENS} words is read by its first and last {@value
 * #HALF_TOKENS}. A feature counts as often as it occurs. The weights are trained by {@link InjectionModelTrainer} from
 * the project's labelled injection sets and shipped as {@value #RESOURCE}; training is deterministic, and a test
 * retrains them and compares. Thread-safe: the weights are read-only.
 */
final class InjectionModel {

  static final String RESOURCE = "/scoring/injection-model.tsv";
  /** Bits of the hashed feature space. */
  static final int DIM_BITS = 18;
  static final int DIM = 1 << DIM_BITS;
  static final int MAX_TOKENS = 512;
  static final int HALF_TOKENS = MAX_TOKENS / 2;
  /** The feature of text retrieved as context. */
  static final int RETRIEVED_FEATURE = 0;

  private final float[] weights;
  private final double bias;

  InjectionModel(float[] weights, double bias) {
    this.weights = weights;
    this.bias = bias;
  }

  /** The shipped model. */
  static InjectionModel defaults() {
    return Shipped.MODEL;
  }

  /** Loaded on first use, so that the trainer runs without it. */
  private static final class Shipped {
    static final InjectionModel MODEL = load();
  }

  /** The probability that {@code text} is an injection; {@code retrieved} for text retrieved as context. */
  double probability(String text, boolean retrieved) {
    return estimate(text, retrieved).probability();
  }

  /** The probability, and how many words the text has (all read up to {@value #MAX_TOKENS}). */
  record Estimate(double probability, long words) {}

  Estimate estimate(String text, boolean retrieved) {
    long[] words = new long[1];
    long[] hashes = tokenHashes(text, words, false);
    if (words[0] > MAX_TOKENS) {
      return new Estimate(0, words[0]); // not used: a long text is left to the rules
    }
    double z = bias;
    for (int i : features(hashes, false, retrieved)) {
      z += weights[i];
    }
    return new Estimate(sigmoid(z), words[0]);
  }

  static double sigmoid(double z) {
    return 1 / (1 + StrictMath.exp(-z));
  }

  /** The distinct feature indexes of {@code text}, in the order they first occur. */
  static int[] features(String text, boolean retrieved) {
    long[] words = new long[1];
    long[] hashes = tokenHashes(text, words, true);
    return features(hashes, words[0] > MAX_TOKENS, retrieved);
  }

  private static int[] features(long[] hashes, boolean gap, boolean retrieved) {
    int n = hashes.length;
    int[] f = new int[2 * n + 1];
    // an open-addressed set of the indexes seen (index + 1; 0 = free), at most half full
    int[] seen = new int[Integer.highestOneBit(4 * n + 3) << 1];
    int mask = seen.length - 1;
    int k = 0;
    if (retrieved) {
      k = add(f, k, seen, mask, RETRIEVED_FEATURE);
    }
    for (int i = 0; i < n; i++) {
      k = add(f, k, seen, mask, index(hashes[i]));
      // no bigram across the gap between the head and the tail of a long text
      if (i > 0 && !(gap && i == HALF_TOKENS)) {
        k = add(f, k, seen, mask, bigram(hashes[i - 1], hashes[i]));
      }
    }
    return k == f.length ? f : Arrays.copyOf(f, k);
  }

  /** Appends {@code index} to {@code f[0, k)} unless {@code seen} has it; returns the new length. */
  private static int add(int[] f, int k, int[] seen, int mask, int index) {
    int slot = index * 0x9E3779B1 >>> 7 & mask;
    while (seen[slot] != 0) {
      if (seen[slot] == index + 1) {
        return k;
      }
      slot = (slot + 1) & mask;
    }
    seen[slot] = index + 1;
    f[k] = index;
    return k + 1;
  }

  private static int bigram(long first, long second) {
    return index(first * 0x9E3779B97F4A7C15L + second + 0x632BE59BD9B4E019L);
  }

  private static int index(long h) {
    int i = (int) (mix(h) >>> (64 - DIM_BITS));
    return i == RETRIEVED_FEATURE ? 1 : i;
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ h >>> 33;
  }

  /**
   * FNV-1a hashes of the words of {@code text}: all of them, or the first and last {@value #HALF_TOKENS} when it
   * has more than {@value #MAX_TOKENS}. {@code words[0]} gets the number of words, or {@value #MAX_TOKENS} + 1 for
   * more. Only the words read are scanned: a long text costs no more than its head and tail, or than its first
   * {@value #MAX_TOKENS} words and one more when {@code tail} is false (its tail is then not read).
   */
  static long[] tokenHashes(String text, long[] words, boolean tail) {
    int n = text.length();
    long[] head = new long[64];
    int count = 0;
    int i = 0;
    while (count < MAX_TOKENS) {
      while (i < n && space(text.charAt(i))) {
        i++;
      }
      if (i == n) {
        words[0] = count;
        return Arrays.copyOf(head, count);
      }
      // the word's end and its hash (that of hash()) in one pass
      char c = text.charAt(i);
      long h = FNV_OFFSET;
      if (wordChar(c)) {
        int limit = i + MAX_WORD;
        do {
          if (i < limit) {
            h = (h ^ lower(c)) * FNV_PRIME;
          }
          i++;
        } while (i < n && wordChar(c = text.charAt(i)));
      } else {
        h = (h ^ lower(c)) * FNV_PRIME;
        i++;
      }
      if (count == head.length) {
        head = Arrays.copyOf(head, 2 * count);
      }
      head[count++] = h;
    }
    while (i < n && space(text.charAt(i))) {
      i++;
    }
    words[0] = i == n ? MAX_TOKENS : MAX_TOKENS + 1;
    if (i == n || !tail) {
      return head;
    }
    // more than MAX_TOKENS words: the first HALF_TOKENS, then the last HALF_TOKENS read from the end
    long[] all = Arrays.copyOf(head, MAX_TOKENS);
    int j = n;
    for (int k = MAX_TOKENS - 1; k >= HALF_TOKENS; k--) {
      while (space(text.charAt(j - 1))) {
        j--;
      }
      int start = wordChar(text.charAt(j - 1)) ? wordStart(text, j) : j - 1;
      all[k] = hash(text, start, j);
      j = start;
    }
    return all;
  }

  private static int wordStart(String s, int to) {
    int i = to;
    while (i > 0 && wordChar(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Chars of a word that its hash reads: longer words are runs of junk, told apart by their start. */
  static final int MAX_WORD = 64;

  /** FNV-1a of {@code s[from, to)} (at most its first {@value #MAX_WORD} chars), lower-cased. */
  private static long hash(String s, int from, int to) {
    long h = FNV_OFFSET;
    for (int k = from, end = Math.min(to, from + MAX_WORD); k < end; k++) {
      h = (h ^ lower(s.charAt(k))) * FNV_PRIME;
    }
    return h;
  }

  private static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  private static char lower(char c) {
    return c < 128 ? ASCII_LOWER[c] : Character.toLowerCase(c);
  }

  private static boolean wordChar(char c) {
    return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c) || c == '\u2019';
  }

  private static boolean space(char c) {
    return c < 128 ? ASCII_SPACE[c] : Character.isWhitespace(c);
  }

  private static final boolean[] ASCII_WORD = new boolean[128];
  private static final char[] ASCII_LOWER = new char[128];
  private static final boolean[] ASCII_SPACE = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '\'';
      ASCII_SPACE[c] = Character.isWhitespace(c);
      ASCII_LOWER[c] = Character.toLowerCase(c);
    }
  }

  private static InjectionModel load() {
    try (InputStream in = InjectionModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the model format {@link InjectionModelTrainer} writes: '#' comments, a {@code bias} line, a {@code
   * dim_bits} line, then one {@code index<TAB>weight} line per non-zero weight.
   */
  static InjectionModel read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    float[] w = new float[DIM];
    Double bias = null;
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String key = line.substring(0, tab);
      String value = line.substring(tab + 1);
      if (key.equals("bias")) {
        bias = Double.parseDouble(value);
      } else if (key.equals("dim_bits")) {
        if (Integer.parseInt(value) != DIM_BITS) {
          throw new IllegalStateException("model has dim_bits " + value + ", code expects " + DIM_BITS);
        }
      } else {
        w[Integer.parseInt(key)] = Float.parseFloat(value);
      }
    }
    if (bias == null) {
      throw new IllegalStateException("model without a bias line");
    }
    return new InjectionModel(w, bias);
  }

  float weight(int i) {
    return weights[i];
  }

  double bias() {
    return bias;
  }
}
