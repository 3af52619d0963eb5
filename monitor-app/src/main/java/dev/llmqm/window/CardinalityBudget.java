package dev.llmqm.window;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the distinct values of one segment dimension: values on the allow-list are always
 * admitted; otherwise the first {@code maxValues} distinct values seen are admitted and the rest
 * fold into {@code other}, each fold counted. First come, first served: a budget sized above the
 * real cardinality never folds. Thread-safe.
 */
public final class CardinalityBudget {
  public static final String OTHER = "other";

  private final String dimension;
  private final int maxValues;
  private final Set<String> allowList;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong folded = new AtomicLong();

  public CardinalityBudget(String dimension, int maxValues, Set<String> allowList) {
    this.dimension = dimension;
    this.maxValues = maxValues;
    this.allowList = Set.copyOf(allowList);
  }

  /** The value itself, or {@code other} when over budget; null stays null. */
  public String admit(String value) {
    if (value == null || allowList.contains(value) || admitted.contains(value)) {
      return value;
    }
    synchronized (this) {
      if (admitted.contains(value)) {
        return value;
      }
      if (size.get() < maxValues) {
        admitted.add(value);
        size.incrementAndGet();
        return value;
      }
    }
    folded.incrementAndGet();
    return OTHER;
  }

  public String dimension() {
    return dimension;
  }

  public long folded() {
    return folded.get();
  }
}
