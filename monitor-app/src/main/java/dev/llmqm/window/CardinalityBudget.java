package dev.llmqm.window;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bounded cardinality for one segment dimension. Values in the allow-list are always admitted and
 * do not use the budget; of the other values, the first {@code maxValues} distinct ones seen are
 * admitted (first come, first served: deterministic for a given input order, and stable — an
 * admitted value stays admitted for the life of this object); everything else is folded into
 * {@link SegmentKey#OTHER} and counted. Null stays null, and the value {@code other} itself passes
 * through without using the budget. Thread-safe; admitting a known value does not allocate.
 */
public final class CardinalityBudget {

  private final String dimension;
  private final int maxValues;
  private final Set<String> allowList;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();
  private final LongAdder folded = new LongAdder();
  private volatile boolean full;

  public CardinalityBudget(String dimension, int maxValues, Set<String> allowList) {
    this.dimension = Objects.requireNonNull(dimension, "dimension");
    if (maxValues < 0) {
      throw new IllegalArgumentException(dimension + ": maxValues must be >= 0, got " + maxValues);
    }
    this.maxValues = maxValues;
    this.allowList = allowList == null ? Set.of() : Set.copyOf(allowList);
  }

  /** Returns {@code value} when admitted, {@link SegmentKey#OTHER} when folded, null for null. */
  public String admit(String value) {
    if (value == null
        || allowList.contains(value)
        || admitted.contains(value)
        || SegmentKey.OTHER.equals(value)) {
      return value;
    }
    if (!full) {
      synchronized (this) {
        if (admitted.contains(value)) {
          return value;
        }
        if (admitted.size() < maxValues) {
          admitted.add(value);
          return value;
        }
        full = true;
      }
    }
    folded.increment();
    return SegmentKey.OTHER;
  }

  /** Number of values folded into {@code other} so far (one per call, not per distinct value). */
  public long folded() {
    return folded.sum();
  }

  /** Number of values admitted by the budget (allow-listed values not included). */
  public int admittedCount() {
    return admitted.size();
  }

  public String dimension() {
    return dimension;
  }

  public int maxValues() {
    return maxValues;
  }
}
