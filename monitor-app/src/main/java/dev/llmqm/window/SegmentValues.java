package dev.llmqm.window;

/**
 * Normalises segment values so that they are safe as metric label values: trimmed, at most {@link
 * #MAX_LENGTH} characters, and only {@code [A-Za-z0-9._:/-]} (anything else becomes {@code _}). A
 * blank value becomes {@link #UNKNOWN}; null stays null (null means "rolled up").
 */
public final class SegmentValues {

  /** Longest value kept; longer values are cut. */
  public static final int MAX_LENGTH = 64;

  /** What a blank value becomes. */
  public static final String UNKNOWN = "unknown";

  private SegmentValues() {}

  /**
   * Returns the normalised value. Allocation-free when the value is already clean (the same
   * instance is returned).
   */
  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && value.charAt(end - 1) <= ' ') {
      end--;
    }
    if (start == end) {
      return UNKNOWN;
    }
    if (end - start > MAX_LENGTH) {
      end = start + MAX_LENGTH;
    }
    boolean clean = start == 0 && end == value.length();
    for (int i = start; clean && i < end; i++) {
      clean = allowed(value.charAt(i));
    }
    if (clean) {
      return value;
    }
    char[] out = new char[end - start];
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      out[i - start] = allowed(c) ? c : '_';
    }
    return new String(out);
  }

  /** True when {@code c} may appear in a normalised value. */
  public static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == ':'
        || c == '/'
        || c == '-';
  }
}
