package dev.llmqm.ingest;

/**
 * Makes event-supplied strings safe as metric label values and log fields: trimmed, at most 64
 * characters of {@code [A-Za-z0-9._:/-]}, anything else replaced by {@code _}; empty becomes
 * {@code none}. Cardinality is bounded separately by the segment budgets.
 */
public final class LabelValues {
  private static final int MAX = 64;

  private LabelValues() {}

  public static String bounded(String raw) {
    if (raw == null) {
      return "none";
    }
    String s = raw.strip();
    if (s.isEmpty()) {
      return "none";
    }
    int n = Math.min(s.length(), MAX);
    StringBuilder out = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '/' || c == '-';
      if (!ok && out == null) {
        out = new StringBuilder(n).append(s, 0, i);
      }
      if (out != null) {
        out.append(ok ? c : '_');
      }
    }
    if (out != null) {
      return out.toString();
    }
    return n == s.length() ? s : s.substring(0, n);
  }

  /** An id shortened for logs (ids are not secret, but bound their size). */
  public static String safeId(String id) {
    return bounded(id);
  }
}
