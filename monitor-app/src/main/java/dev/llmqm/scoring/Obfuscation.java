package dev.llmqm.scoring;

/**
 * Undoes three ways of hiding words from a phrase matcher, so the injection rules can read what they hide: letters
 * set apart by one separator each ("i g n o r e", "I.G.N.O.R.E.", "d-i-s-r-e-g-a-r-d") are joined into a word,
 * quoted fragments joined by {@code +} ("'ign' + 'ore all'") into one string, and Cyrillic or Greek look-alike
 * letters inside Latin words ("Іgnоrе" with a Cyrillic І, о and е) read as the Latin ones. Each costs a pass over
 * the text only when a cheap check finds its shape.
 */
final class Obfuscation {

  /** Chars that may set spaced-out letters apart: {@code " .-_*|/"}, by ASCII code. */
  private static final boolean[] SEPARATOR = new boolean[128];

  static {
    for (char c : " .-_*|/".toCharArray()) {
      SEPARATOR[c] = true;
    }
  }

  private static boolean separator(char c) {
    return c < 128 && SEPARATOR[c];
  }

  /** Letters in a row, one separator apart, that make a spaced-out word: "u.s." and "a b c" stay as written. */
  static final int MIN_SPACED_LETTERS = 4;

  private Obfuscation() {}

  /** {@link #shapes} bit: four single letters, each followed by the same separator. */
  static final int SPACED = 1;
  /** Bit of a text with a Cyrillic or Greek letter (found while folding it). */
  static final int MIXED_SCRIPT = 2;

  /**
   * {@link #SPACED} if the folded text {@code t[0, n)} (one space between words) may hold letters spaced out: four
   * single letters, each followed by the same separator; else 0. Their three separators sit two apart, so even
   * positions are enough to look at: one of them falls on a separator or on a letter between two.
   */
  static int shapes(char[] t, int n) {
    for (int i = 0; i + 5 < n; i += 2) {
      char c = t[i];
      char d = t[i + 1];
      if (separator(c) && c == t[i + 2] && c == t[i + 4] && spacedAt(t, n, i - 1)
          || separator(d) && d == t[i + 3] && d == t[i + 5] && spacedAt(t, n, i)) {
        return SPACED;
      }
    }
    return 0;
  }

  /** Whether single letters at {@code i}, {@code i + 2}, {@code i + 4}, {@code i + 6} are spaced out. */
  private static boolean spacedAt(char[] t, int n, int i) {
    if (i < 0 || i + 6 >= n) {
      return false;
    }
    char sep = t[i + 1];
    return separator(sep) && sep == t[i + 3] && sep == t[i + 5] && Character.isLetter(t[i])
        && Character.isLetter(t[i + 2]) && Character.isLetter(t[i + 4]) && Character.isLetter(t[i + 6])
        && (i == 0 || !Character.isLetterOrDigit(t[i - 1]))
        && (i + 7 == n || !Character.isLetterOrDigit(t[i + 7]));
  }

  /** Latin letters that Cyrillic and Greek ones (lower case) look like, in pairs. */
  private static final String LOOK_ALIKES =
      "аaеeоoрpсcуyхxіiјjѕsԁdһhӏlкkвbнhтtмmαaεeοoρpιiκkνvτtυuχxβbηn";

  private static char latinLookAlike(char c) {
    char lower = Character.toLowerCase(c);
    for (int i = 0; i < LOOK_ALIKES.length(); i += 2) {
      if (LOOK_ALIKES.charAt(i) == lower) {
        return LOOK_ALIKES.charAt(i + 1);
      }
    }
    return 0;
  }

  /** {@code s} with look-alike letters read as Latin inside words that also have Latin letters; null if none. */
  static String latinise(String s) {
    int n = s.length();
    char[] out = null;
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      boolean latin = false;
      boolean alike = false;
      while (end < n && Character.isLetter(s.charAt(end))) {
        char c = s.charAt(end);
        latin |= c < 128;
        alike |= c >= '\u0370' && latinLookAlike(c) != 0;
        end++;
      }
      if (latin && alike) {
        if (out == null) {
          out = s.toCharArray();
        }
        for (int k = i; k < end; k++) {
          char c = s.charAt(k);
          char l = c >= '\u0370' ? latinLookAlike(c) : 0;
          if (l != 0) {
            out[k] = l;
          }
        }
      }
      i = end;
    }
    return out == null ? null : new String(out);
  }

  /** Whether {@code s} may join quoted fragments with '+'. */
  static boolean mayConcatenate(String s) {
    int plus = s.indexOf('+');
    return plus >= 0 && (s.indexOf("' +", plus - 2) >= 0 || s.indexOf("'+", plus - 1) >= 0
        || s.indexOf("\" +", plus - 2) >= 0 || s.indexOf("\"+", plus - 1) >= 0);
  }

  /**
   * {@code s} with look-alike letters read as Latin, spaced-out letters joined into words (a wider gap between two
   * runs, or any other char, stays a word break) and {@code 'a' + 'b'} joined into {@code 'ab'}, as far as
   * {@code shapes} and {@code concatenated} say the text may have them; null when nothing changes.
   */
  static String undo(String s, int shapes, boolean concatenated) {
    String out = s;
    boolean changed = false;
    if ((shapes & MIXED_SCRIPT) != 0) {
      String latin = latinise(out);
      if (latin != null) {
        out = latin;
        changed = true;
      }
    }
    if (concatenated) {
      String joined = joinConcatenation(out);
      if (joined != null) {
        out = joined;
        changed = true;
      }
    }
    if ((shapes & SPACED) != 0) {
      String joined = joinSpacedLetters(out);
      if (joined != null) {
        out = joined;
        changed = true;
      }
    }
    return changed ? out : null;
  }

  /**
   * {@code s} with runs of single letters one separator apart joined into words, or null when it has no run of
   * {@link #MIN_SPACED_LETTERS}; once one is found, shorter runs of two or three letters ("a l l") are joined too.
   */
  static String joinSpacedLetters(String s) {
    String joined = joinSpacedLetters(s, MIN_SPACED_LETTERS);
    return joined == null ? null : joinSpacedLetters(s, 2);
  }

  private static String joinSpacedLetters(String s, int minLetters) {
    int n = s.length();
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < n; i++) {
      if (!Character.isLetter(s.charAt(i)) || i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))
          || i + 1 >= n || !separator(s.charAt(i + 1))) {
        continue;
      }
      char sep = s.charAt(i + 1);
      int j = i;
      int letters = 1;
      while (j + 2 < n && s.charAt(j + 1) == sep && Character.isLetter(s.charAt(j + 2))
          && (j + 3 >= n || !Character.isLetterOrDigit(s.charAt(j + 3)))) {
        j += 2;
        letters++;
      }
      if (letters < minLetters) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(s, copied, i);
      for (int k = i; k <= j; k += 2) {
        out.append(s.charAt(k));
      }
      // a dot after the last letter belongs to the spelling ("I.G.N.O.R.E."), not to the sentence
      copied = sep != ' ' && j + 1 < n && s.charAt(j + 1) == sep ? j + 2 : j + 1;
      i = copied - 1;
    }
    if (out == null) {
      return null;
    }
    return out.append(s, copied, n).toString();
  }

  static String joinConcatenation(String s) {
    int n = s.length();
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < n; i++) {
      char q = s.charAt(i);
      if (q != '\'' && q != '"') {
        continue;
      }
      int k = i + 1;
      while (k < n && s.charAt(k) == ' ') {
        k++;
      }
      if (k >= n || s.charAt(k) != '+') {
        continue;
      }
      k++;
      while (k < n && s.charAt(k) == ' ') {
        k++;
      }
      if (k >= n || s.charAt(k) != '\'' && s.charAt(k) != '"') {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(s, copied, i);
      copied = k + 1;
      i = k;
    }
    if (out == null) {
      return null;
    }
    return out.append(s, copied, n).toString();
  }
}
