package dev.llmqm.scoring;

/** Small, allocation-light text helpers shared by the scorers. Never logs text. */
final class Text {

  private Text() {}

  /** Lower case of each ASCII char: a table load on the hot scan loops instead of a branch. */
  static final char[] ASCII_LOWER = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
  }

  /** The letter a leetspeak digit or symbol stands for ({@code 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s}), or 0. */
  static char leetLetter(char c) {
    switch (c) {
      case '0': return 'o';
      case '1': return 'i';
      case '3': return 'e';
      case '4': return 'a';
      case '5': return 's';
      case '7': return 't';
      case '@': return 'a';
      case '$': return 's';
      default: return 0;
    }
  }

  /** The key of {@link #contentHash}, drawn once per process. */
  private static final long HASH_KEY = new java.security.SecureRandom().nextLong();

  /**
   * A 64-bit hash of all of {@code s}'s chars, to key caches of per-chunk results by content (with the length beside
   * it). Four chars a step, so a long chunk costs less than half what a char-at-a-time hash (FNV-1a) does.
   * Keyed by a random value drawn at start-up: whoever writes the text cannot compute a chunk that collides with
   * another one (and would be served that one's cached score) without knowing the key. Stable within a process only.
   */
  static long contentHash(String s) {
    int n = s.length();
    long h = HASH_KEY ^ n * 0x9E3779B97F4A7C15L;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long w = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
          | (long) s.charAt(i + 3) << 48;
      h = Long.rotateLeft(h ^ w * 0x87C37B91114253D5L, 31) * 0x4CF5AD432745937FL;
    }
    for (; i < n; i++) {
      h = Long.rotateLeft(h ^ s.charAt(i) * 0x87C37B91114253D5L, 31) * 0x4CF5AD432745937FL;
    }
    // the finaliser of MurmurHash3: every input bit reaches every output bit
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ h >>> 33;
  }

  /** Null-safe truncation to {@code max} chars, not splitting a surrogate pair. */
  static String cap(String s, int max) {
    if (s == null) {
      return "";
    }
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * Null-safe analysis window: {@code s} itself when it fits in {@code max} chars, else its first three quarters
   * of {@code max} and its last quarter joined by a newline (a sentence break), never splitting a surrogate pair.
   * Long answers keep their opening and their conclusion; long prompts keep their instructions and the question
   * that usually ends them.
   */
  static String window(String s, int max) {
    if (s == null) {
      return "";
    }
    if (s.length() <= max) {
      return s;
    }
    int headEnd = max - max / 4 - 1;
    if (headEnd > 0 && Character.isHighSurrogate(s.charAt(headEnd - 1))) {
      headEnd--;
    }
    int tailStart = s.length() - max / 4;
    if (tailStart < s.length() && Character.isLowSurrogate(s.charAt(tailStart))) {
      tailStart++;
    }
    return s.substring(0, Math.max(0, headEnd)) + '\n' + s.substring(tailStart);
  }

  /**
   * Lower-cases, drops zero-width and other format characters, maps a few common homoglyph/fullwidth forms to
   * ASCII and collapses whitespace runs to one space. Used before phrase matching.
   */
  static String fold(String s) {
    char[] out = new char[s.length()];
    int n = 0;
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
          space = true;
          continue;
        }
        if (c < 32 || c == 127) {
          continue;
        }
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + 32);
        }
      } else {
        c = foldNonAscii(c);
        if (c == 0) {
          continue;
        }
        if (c == ' ') {
          space = true;
          continue;
        }
      }
      if (space && n > 0) {
        out[n++] = ' ';
      }
      space = false;
      out[n++] = c;
    }
    return new String(out, 0, n);
  }

  /**
   * One non-ASCII char as {@link #fold} treats it: 0 when it is dropped (zero-width joiners, soft hyphens, bidi
   * and other format or control chars), a space for any whitespace, else the char lower-cased, fullwidth ASCII
   * mapped to ASCII.
   */
  static char foldNonAscii(char c) {
    int type = Character.getType(c);
    if (type == Character.FORMAT || type == Character.CONTROL) {
      return 0;
    }
    if (c >= '\uFF01' && c <= '\uFF5E') {
      c = (char) (c - 0xFEE0);
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return ' ';
    }
    return Character.toLowerCase(c);
  }

  /** Shannon entropy in bits per char of {@code s[from, to)}. */
  static double entropy(CharSequence s, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int k = 0; k <= 128; k++) {
      int c = k == 128 ? other : counts[k];
      if (c > 0) {
        double p = (double) c / n;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }

  static int countChar(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  static int countDigits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  static double clamp01(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }
}
