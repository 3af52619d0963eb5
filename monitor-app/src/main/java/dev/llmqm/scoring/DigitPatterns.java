package dev.llmqm.scoring;

/**
 * Hand-written matchers for five of {@link PiiScorer}'s digit patterns, each giving exactly the matches RE2J
 * gives for its expression: the leftmost match, and of those the one leftmost-first (Perl) semantics choose, where
 * a greedy quantifier takes as much as lets the rest match. The patterns are plain enough that this takes one
 * loop each; RE2J's machine cost 50 to 150 ns a char on them, and text made of near misses ("1234 1234 …")
 * fills the checks' windows with digits. {@code DigitPatternsTest} checks every matcher against its expression
 * on random text.
 *
 * <p>Each {@code find} returns the leftmost match in {@code s[from, to)} as {@code start << 32 | end}, or -1.
 */
final class DigitPatterns {

  /** {@code \d(?:[ \-]?\d){12,22}}: a card number, digits with single spaces or hyphens between them. */
  static final String CARD = "\\d(?:[ \\-]?\\d){12,22}";
  /**
   * {@code (?:\+?1[ .\-]?)?(?:\(\d{3}\)|\d{3})[ .\-]?\d{3}[ .\-]\d{4}}: a North American number, with
   * its country code or not.
   */
  static final String NANP = "(?:\\+?1[ .\\-]?)?(?:\\(\\d{3}\\)|\\d{3})[ .\\-]?\\d{3}[ .\\-]\\d{4}";
  /** {@code \d{3}([ \-])\d{2}[ \-]\d{4}}: an SSN written with separators. */
  static final String SSN = "\\d{3}([ \\-])\\d{2}[ \\-]\\d{4}";
  /** {@code \d{9}}: nine digits in a row. */
  static final String NINE_DIGITS = "\\d{9}";
  /** {@code \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}}: a dotted quad. */
  static final String IPV4 = "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}";

  private DigitPatterns() {}

  /** A matcher of one pattern: the leftmost match in {@code s[from, to)}, as {@code start << 32 | end}, or -1. */
  @FunctionalInterface
  interface Finder {
    long find(String s, int from, int to);
  }

  static long card(String s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!digit(s.charAt(p))) {
        continue;
      }
      // each repetition takes a separator and a digit if it can, else a digit; a separator not followed by a
      // digit ends them
      int q = p + 1;
      int reps = 0;
      while (reps < 22 && q < to) {
        char c = s.charAt(q);
        if (digit(c)) {
          q++;
        } else if ((c == ' ' || c == '-') && q + 1 < to && digit(s.charAt(q + 1))) {
          q += 2;
        } else {
          break;
        }
        reps++;
      }
      if (reps >= 12) {
        return (long) p << 32 | q;
      }
    }
    return -1;
  }

  static long nanp(String s, int from, int to) {
    for (int p = from; p < to; p++) {
      char c = s.charAt(p);
      if (c != '+' && c != '(' && !digit(c)) {
        continue;
      }
      // the optional "+1 " first, its longest form first; then without it
      int one = c == '+' ? p + 1 : p;
      if (one < to && s.charAt(one) == '1') {
        if (one + 1 < to && dotted(s.charAt(one + 1))) {
          int end = nanpAfterPrefix(s, one + 2, to);
          if (end >= 0) {
            return (long) p << 32 | end;
          }
        }
        int end = nanpAfterPrefix(s, one + 1, to);
        if (end >= 0) {
          return (long) p << 32 | end;
        }
      }
      int end = nanpAfterPrefix(s, p, to);
      if (end >= 0) {
        return (long) p << 32 | end;
      }
    }
    return -1;
  }

  /** The end of the NANP number's area code and rest at {@code q}, trying "(999)" before "999"; or -1. */
  private static int nanpAfterPrefix(String s, int q, int to) {
    if (q + 5 <= to && s.charAt(q) == '(' && digits(s, q + 1, 3) && s.charAt(q + 4) == ')') {
      int end = nanpAfterArea(s, q + 5, to);
      if (end >= 0) {
        return end;
      }
    }
    return q + 3 <= to && digits(s, q, 3) ? nanpAfterArea(s, q + 3, to) : -1;
  }

  /** The end of "[ .-]?999[ .-]9999" at {@code a}, with the separator first; or -1. */
  private static int nanpAfterArea(String s, int a, int to) {
    if (a < to && dotted(s.charAt(a))) {
      int end = nanpLine(s, a + 1, to);
      if (end >= 0) {
        return end;
      }
    }
    return nanpLine(s, a, to);
  }

  private static int nanpLine(String s, int b, int to) {
    return b + 8 <= to && digits(s, b, 3) && dotted(s.charAt(b + 3)) && digits(s, b + 4, 4) ? b + 8 : -1;
  }

  static long ssn(String s, int from, int to) {
    for (int p = from; p + 11 <= to; p++) {
      if (digits(s, p, 3) && separator(s.charAt(p + 3)) && digits(s, p + 4, 2) && separator(s.charAt(p + 6))
          && digits(s, p + 7, 4)) {
        return (long) p << 32 | (p + 11);
      }
    }
    return -1;
  }

  static long nineDigits(String s, int from, int to) {
    int run = 0;
    for (int i = from; i < to; i++) {
      run = digit(s.charAt(i)) ? run + 1 : 0;
      if (run == 9) {
        return (long) (i - 8) << 32 | (i + 1);
      }
    }
    return -1;
  }

  static long ipv4(String s, int from, int to) {
    for (int p = from; p < to; p++) {
      // the first three numbers must each be a whole run of one to three digits, as a dot has to follow them
      int q = p;
      int part = 0;
      for (; part < 3; part++) {
        int end = runEnd(s, q, to);
        if (end == q || end - q > 3 || end >= to || s.charAt(end) != '.') {
          break;
        }
        q = end + 1;
      }
      if (part < 3) {
        continue;
      }
      int end = runEnd(s, q, Math.min(to, q + 3));
      if (end > q) {
        return (long) p << 32 | end;
      }
    }
    return -1;
  }

  /** The end of the run of digits at {@code i}, at most {@code to}. */
  private static int runEnd(String s, int i, int to) {
    while (i < to && digit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean digits(String s, int at, int count) {
    for (int k = at; k < at + count; k++) {
      if (!digit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean dotted(char c) {
    return c == ' ' || c == '.' || c == '-';
  }

  private static boolean separator(char c) {
    return c == ' ' || c == '-';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
