package dev.llmqm.scoring;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the tier-1 scorers.
 *
 * @param maxFieldChars every text field (and every context chunk) is truncated to this many chars before any
 *     scan; must be positive
 * @param maxAnalysedChars groundedness and relevance read at most this many chars of the prompt and of the
 *     response: the first three quarters of it from the start of a longer field and the last quarter from its
 *     end (the safety scans still read {@code maxFieldChars}); positive, at most {@code maxFieldChars}
 * @param phoneHomeRegions ISO 3166 region codes whose national phone formats are recognised without a {@code
 *     +CC} prefix; supported: {@code US}, {@code CA} (NANP) and {@code GB}; others are ignored
 */
public record ScoringConfig(int maxFieldChars, int maxAnalysedChars, Set<String> phoneHomeRegions) {

  /** Default field cap: 16 KiB of chars. */
  public static final int DEFAULT_MAX_FIELD_CHARS = 16_384;

  /** Default analysis window of the language scores: 4 KiB of chars per field. */
  public static final int DEFAULT_MAX_ANALYSED_CHARS = 4_096;

  /** Validates and normalises (upper-cases region codes, copies the set). */
  public ScoringConfig {
    if (maxFieldChars <= 0) {
      throw new IllegalArgumentException("maxFieldChars must be positive: " + maxFieldChars);
    }
    if (maxAnalysedChars <= 0 || maxAnalysedChars > maxFieldChars) {
      throw new IllegalArgumentException(
          "maxAnalysedChars must be in [1, maxFieldChars=" + maxFieldChars + "]: " + maxAnalysedChars);
    }
    phoneHomeRegions =
        phoneHomeRegions == null
            ? Set.of()
            : phoneHomeRegions.stream()
                .map(r -> r.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
  }

  /** {@code maxFieldChars} with the default analysis window (or all of it, when smaller). */
  public ScoringConfig(int maxFieldChars, Set<String> phoneHomeRegions) {
    this(maxFieldChars, Math.min(Math.max(maxFieldChars, 1), DEFAULT_MAX_ANALYSED_CHARS), phoneHomeRegions);
  }

  /** 16384 chars per field, a 4096-char analysis window, home region {@code US}. */
  public static ScoringConfig defaults() {
    return new ScoringConfig(DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_ANALYSED_CHARS, Set.of("US"));
  }
}
