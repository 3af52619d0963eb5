package dev.llmqm.window;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Applies one {@link CardinalityBudget} per segment dimension to a {@link SegmentKey}: {@code
 * perDimension} values for each dimension, {@code tenants} (usually smaller) for {@code
 * tenant_id}. Values are normalised with {@link SegmentValues#normalize} before the budget sees
 * them. Thread-safe.
 */
public final class SegmentBudgets {

  private final CardinalityBudget[] budgets = new CardinalityBudget[SegmentKey.DIMENSIONS.size()];

  /**
   * @param allowLists per dimension name (see {@link SegmentKey#DIMENSIONS}), values always
   *     admitted; may be empty, unknown dimension names are rejected
   */
  public SegmentBudgets(int perDimension, int tenants, Map<String, Set<String>> allowLists) {
    Map<String, Set<String>> allow = allowLists == null ? Map.of() : allowLists;
    for (String d : allow.keySet()) {
      SegmentKey.indexOf(d);
    }
    for (int i = 0; i < budgets.length; i++) {
      String d = SegmentKey.DIMENSIONS.get(i);
      int max = SegmentKey.TENANT_ID.equals(d) ? tenants : perDimension;
      Set<String> values = allow.getOrDefault(d, Set.of());
      Set<String> normalised = new HashSet<>();
      for (String v : values) {
        normalised.add(SegmentValues.normalize(v));
      }
      budgets[i] = new CardinalityBudget(d, max, normalised);
    }
  }

  /**
   * The key with every value normalised and budgeted. {@code onFold} (may be null) is called once
   * per folded dimension with the dimension name and {@code "other"} — never the raw value, which
   * may be sensitive. Returns {@code raw} itself when nothing changes.
   */
  public SegmentKey admit(SegmentKey raw, BiConsumer<String, String> onFold) {
    SegmentKey k = raw;
    for (int i = 0; i < budgets.length; i++) {
      String v = raw.get(i);
      if (v == null) {
        continue;
      }
      String n = SegmentValues.normalize(v);
      String a = budgets[i].admit(n);
      if (onFold != null && SegmentKey.OTHER.equals(a) && !SegmentKey.OTHER.equals(n)) {
        onFold.accept(budgets[i].dimension(), SegmentKey.OTHER);
      }
      k = k.with(i, a);
    }
    return k;
  }

  /** The budget of one dimension. */
  public CardinalityBudget budget(String dimension) {
    return budgets[SegmentKey.indexOf(dimension)];
  }

  /** Folds so far per dimension, in {@link SegmentKey#DIMENSIONS} order. */
  public Map<String, Long> foldedByDimension() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (CardinalityBudget b : budgets) {
      m.put(b.dimension(), b.folded());
    }
    return m;
  }
}
