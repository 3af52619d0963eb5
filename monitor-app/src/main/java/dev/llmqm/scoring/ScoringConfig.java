package dev.llmqm.scoring;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the tier-1 scorers.
 *
 * @param maxFieldChars every text field (and every context chunk) is truncated to this many chars before any
 *     scan; must be positive
 * @param phoneHomeRegions ISO 3166 region codes whose national phone formats are recognised without a {@code
 *     +CC} prefix; supported: {@code US}, {@code CA} (NANP) and {@code GB}; others are ignored
 */
public record ScoringConfig(int maxFieldChars, Set<String> phoneHomeRegions) {

  /** Default field cap: 16 KiB of chars. */
  public static final int DEFAULT_MAX_FIELD_CHARS = 16_384;

  /** Validates and normalises (upper-cases region codes, copies the set). */
  public ScoringConfig {
    if (maxFieldChars <= 0) {
      throw new IllegalArgumentException("maxFieldChars must be positive: " + maxFieldChars);
    }
    phoneHomeRegions =
        phoneHomeRegions == null
            ? Set.of()
            : phoneHomeRegions.stream()
                .map(r -> r.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
  }

  /** 16384 chars per field, home region {@code US}. */
  public static ScoringConfig defaults() {
    return new ScoringConfig(DEFAULT_MAX_FIELD_CHARS, Set.of("US"));
  }
}
