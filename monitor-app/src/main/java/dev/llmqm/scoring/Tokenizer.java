package dev.llmqm.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into {@link Token}s with a hand-written scanner (no regex): runs of letters and digits, numbers
 * with their decimal point and thousands separators, apostrophes inside words, and sentence boundaries. Also
 * owns the stopword list and the light suffix stemmer shared by relevance and groundedness.
 */
final class Tokenizer {

  /** English function words plus question words; never carry support or relevance on their own. */
  static final Set<String> STOPWORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "in", "on", "at", "to", "for",
          "from", "by", "with", "about", "as", "into", "onto", "over", "under", "than", "that", "this", "these",
          "those", "there", "here", "it", "its", "is", "are", "was", "were", "be", "been", "being", "am", "do",
          "does", "did", "done", "have", "has", "had", "having", "i", "me", "my", "mine", "we", "us", "our",
          "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs",
          "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "so", "such", "can", "could",
          "would", "should", "will", "shall", "may", "might", "must", "also", "just", "very", "too", "some",
          "any", "each", "both", "either", "neither", "all", "more", "most", "other", "another", "same", "own",
          "s", "t", "d", "ll", "re", "ve", "m", "o", "up", "out", "off", "again", "further", "once",
          "while", "during", "before", "after", "above", "below", "between", "through", "because", "until",
          "against", "among", "per", "via", "yes", "ok", "okay", "please", "well", "like", "one", "many", "much",
          "name", "named", "called", "known", "which's", "it's", "that's", "there's", "what's", "who's", "let");

  /** Negation and contrast markers: never "supported" by context unless they occur there too. */
  static final Set<String> NEGATIONS =
      Set.of("not", "no", "never", "none", "nor", "nothing", "neither", "nobody", "nowhere", "cannot", "instead",
          "only", "exactly", "n't", "didn't", "doesn't", "isn't", "wasn't", "weren't", "aren't", "don't",
          "won't", "can't", "couldn't", "wouldn't", "hasn't", "haven't", "hadn't");

  /**
   * Generic instruction verbs and filler of requests ("explain", "describe", "please", ...): relevance does not
   * ask a response to repeat them. A word is one when its lower-case form or its stem is listed.
   */
  static final Set<String> INSTRUCTION_WORDS =
      Set.of("explain", "describe", "tell", "write", "give", "show", "list", "provide", "help", "need",
          "want", "know", "think", "make", "get", "use", "using", "please", "thank", "thanks", "hi", "hello",
          "question", "answer", "brief", "briefly", "detail", "example", "way", "thing", "something", "kind",
          "sort", "type", "summar", "summary", "summarize", "summarise", "say", "mean", "find", "does", "go");

  private static final int STOPWORD = 1;
  private static final int NEGATION = 2;
  private static final int INSTRUCTION = 4;

  /** The word lists in one map, so each new word costs one lookup (two when it has a suffix). */
  private static final java.util.Map<String, Integer> WORD_FLAGS = wordFlags();

  /** Longer tokens skip the lookup (and hashing the whole token for it). */
  private static final int MAX_FLAGGED_LENGTH = WORD_FLAGS.keySet().stream().mapToInt(String::length).max().orElse(0);

  private static java.util.Map<String, Integer> wordFlags() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    STOPWORDS.forEach(w -> m.merge(w, STOPWORD, (a, b) -> a | b));
    NEGATIONS.forEach(w -> m.merge(w, NEGATION, (a, b) -> a | b));
    INSTRUCTION_WORDS.forEach(w -> m.merge(w, INSTRUCTION, (a, b) -> a | b));
    return java.util.Map.copyOf(m);
  }

  /** Length of the prefix key used for fuzzy matching of long words. */
  static final int PREFIX = 6;

  private Tokenizer() {}

  /** Tokenises {@code s} (which the caller has already capped). Never throws. */
  static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>(Math.min(1024, s.length() / 4 + 4));
    int n = s.length();
    int i = 0;
    boolean atStart = true;
    char[] b = new char[80]; // a token is cut after 65 chars, plus at most one separator
    while (i < n) {
      char c = s.charAt(i);
      if (c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c)) {
        int len = 0;
        int h = 0; // forms' hash of b[0, len), kept as the chars are appended
        int start = i;
        boolean allDigits = true;
        boolean capital = Character.isUpperCase(c);
        while (i < n) {
          char d = s.charAt(i);
          if (d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z') {
            // ASCII fast path: the common case, and every byte of hostile filler
            allDigits = false;
            d = Text.ASCII_LOWER[d];
            i++;
          } else if (d >= '0' && d <= '9') {
            i++;
          } else if (d >= 128 && Character.isLetterOrDigit(d)) { // the other ASCII chars are neither
            if (!Character.isDigit(d)) {
              allDigits = false;
            }
            d = Character.toLowerCase(d);
            i++;
          } else if ((d == '.' || d == ',') && allDigits && i + 1 < n && Character.isDigit(s.charAt(i + 1))
              && i > start) {
            i++;
            if (d == ',') {
              continue; // thousands separators are dropped
            }
          } else if ((d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(s.charAt(i + 1))
              && !allDigits) {
            // possessive 's is dropped; contractions keep their apostrophe-free form ("don't" -> "dont")
            if (i + 2 <= n && (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')
                && (i + 2 == n || !Character.isLetterOrDigit(s.charAt(i + 2)))) {
              i += 2;
              break;
            }
            i++;
            if (s.charAt(i) != 't' || len == 0 || b[len - 1] != 'n') {
              continue;
            }
            d = '\'';
          } else {
            break;
          }
          b[len++] = d;
          h = 31 * h + d;
          if (len > 64) { // pathological run: cut it into 64-char pieces
            break;
          }
        }
        Forms w = forms(b, len, h, allDigits && len > 0);
        out.add(w.token(capital, atStart));
        atStart = false;
      } else {
        if ((c == '.' || c == '!' || c == '?' || c == '\n' || c == ';') && !atStart) {
          boolean boundary = c != '.' || isSentenceDot(s, i, out);
          if (boundary) {
            atStart = true;
          }
        }
        i++;
      }
    }
    return out;
  }

  /**
   * What a token's text alone determines: the same for every occurrence of the word. Its tokens differ only in
   * whether they are capitalised and start a sentence, so the four are made once each, when first needed, and
   * shared: text repeats its words, and most tokens then cost no allocation. Tokens are immutable, so threads may
   * race on a variant's slot and make it twice.
   */
  private record Forms(char[] chars, int hash, String lower, String stem, boolean number, boolean stopword,
      boolean negation, boolean instruction, String prefixKey, String value, Token[] variants) {

    Token token(boolean capitalised, boolean sentenceStart) {
      int k = (capitalised ? 2 : 0) | (sentenceStart ? 1 : 0);
      Token t = variants[k];
      if (t == null) {
        t = new Token(lower, stem, number, capitalised, sentenceStart, stopword, negation, instruction, prefixKey,
            value);
        variants[k] = t;
      }
      return t;
    }
  }

  /** Letters and digits among the ASCII chars: one load per char instead of a call. */
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  /**
   * Forms of recently seen words, direct-mapped by a hash of their chars: text repeats its words, so most tokens
   * cost a hash and a compare instead of four allocations, a stem and a word-list lookup, and the strings they
   * share keep their cached hash codes for the scorers' set lookups. Entries are immutable, so threads may race
   * on a slot: a reader sees a whole entry or another word's, and the compare tells which.
   */
  private static final int RECENT_BITS = 12;
  private static final Forms[] RECENT = new Forms[1 << RECENT_BITS];

  /** The forms of the token {@code b[0, len)}, whose polynomial hash (31, as String's) is {@code h}. */
  private static Forms forms(char[] b, int len, int h, boolean number) {
    int slot = h * 0x9E3779B9 >>> 32 - RECENT_BITS; // Fibonacci hashing onto the slots
    Forms f = RECENT[slot];
    if (f != null && f.hash == h && f.chars.length == len && java.util.Arrays.equals(f.chars, 0, len, b, 0, len)) {
      return f;
    }
    char[] chars = java.util.Arrays.copyOf(b, len);
    String lower = new String(chars);
    Integer flags = number || len > MAX_FLAGGED_LENGTH ? null : WORD_FLAGS.get(lower);
    int fl = flags == null ? 0 : flags;
    String prefixKey = null;
    if (!number && len > PREFIX) {
      char[] key = new char[PREFIX + 1];
      key[0] = '~';
      System.arraycopy(b, 0, key, 1, PREFIX);
      prefixKey = new String(key);
    }
    String stem = number ? lower : stem(lower);
    if (!number && stem != lower && stem.length() <= MAX_FLAGGED_LENGTH) {
      Integer stemFlags = WORD_FLAGS.get(stem);
      fl |= stemFlags == null ? 0 : stemFlags & INSTRUCTION; // only this flag is also read off the stem
    }
    f = new Forms(chars, h, lower, stem, number, (fl & STOPWORD) != 0, (fl & NEGATION) != 0,
        (fl & INSTRUCTION) != 0, prefixKey, value(lower, number), new Token[4]);
    RECENT[slot] = f;
    return f;
  }

  /**
   * Number words read as digits: a text may spell out what another writes in digits ("fourteen days", "14 days").
   */
  private static final java.util.Map<String, Integer> NUMBER_WORDS = numberWords();

  private static java.util.Map<String, Integer> numberWords() {
    String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty"};
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < small.length; i++) {
      m.put(small[i], i);
    }
    String[] tens = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < tens.length; i++) {
      m.put(tens[i], 30 + 10 * i);
    }
    return java.util.Map.copyOf(m);
  }

  /** {@link Token#value()} of a token. */
  private static String value(String lower, boolean number) {
    if (!number) {
      Integer n = lower.length() <= 9 ? NUMBER_WORDS.get(lower) : null;
      return n == null ? null : n.toString();
    }
    if (!(lower.length() > 1 && lower.charAt(0) == '0') && lower.indexOf('.') < 0) {
      return null; // already plain digits
    }
    try {
      String plain = new java.math.BigDecimal(lower).stripTrailingZeros().toPlainString();
      return plain.equals(lower) ? null : plain;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isSentenceDot(String s, int i, List<Token> out) {
    if (!out.isEmpty()) {
      String prev = out.get(out.size() - 1).lower();
      if (prev.length() == 1 && Character.isLetter(prev.charAt(0))) {
        return false; // initials and abbreviations such as "U.S." or "J. Smith"
      }
    }
    int j = i + 1;
    while (j < s.length() && s.charAt(j) == ' ') {
      j++;
    }
    return j >= s.length() || j > i + 1 && !Character.isLowerCase(s.charAt(j));
  }

  /** A light English suffix stemmer: plurals, -ing, -ed, -ly, possessives. Deterministic and cheap. */
  static String stem(String w) {
    int n = w.length();
    if (n <= 3) {
      return w;
    }
    if (w.endsWith("'t")) {
      return w;
    }
    if (n > 4 && w.endsWith("ies")) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("sses")) {
      return w.substring(0, n - 2);
    }
    if (n > 5 && w.endsWith("ing")) {
      return undouble(w.substring(0, n - 3));
    }
    if (n > 4 && w.endsWith("ed")) {
      return undouble(w.substring(0, n - (w.endsWith("ied") ? 3 : 2)) + (w.endsWith("ied") ? "y" : ""));
    }
    if (n > 4 && w.endsWith("ly")) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("es") && n > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes"))) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, n - 1);
    }
    if (w.endsWith("e") && n > 4) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    if (n > 3 && w.endsWith("e")) {
      return w.substring(0, n - 1);
    }
    return w;
  }
}
