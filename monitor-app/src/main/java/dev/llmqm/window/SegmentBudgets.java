package dev.llmqm.window;

import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** One {@link CardinalityBudget} per segment dimension; tenants have their own, smaller budget. */
public final class SegmentBudgets {
  private final CardinalityBudget[] budgets = new CardinalityBudget[SegmentKey.FIELDS.length];

  public SegmentBudgets(int perDimension, int tenants, Map<String, Set<String>> allowLists) {
    for (int i = 0; i < budgets.length; i++) {
      String field = SegmentKey.FIELDS[i];
      budgets[i] = new CardinalityBudget(field, field.equals("tenant_id") ? tenants : perDimension,
          allowLists.getOrDefault(field, Set.of()));
    }
  }

  /** The key with every value over budget replaced by {@code other}; {@code onFold} gets the dimension name. */
  public SegmentKey admit(SegmentKey raw, BiConsumer<String, String> onFold) {
    String[] v = raw.values();
    boolean changed = false;
    for (int i = 0; i < v.length; i++) {
      String admitted = budgets[i].admit(v[i]);
      if (admitted != v[i] && admitted != null && !admitted.equals(v[i])) {
        onFold.accept(SegmentKey.FIELDS[i], CardinalityBudget.OTHER);
        v[i] = admitted;
        changed = true;
      }
    }
    return changed ? SegmentKey.of(v) : raw;
  }
}
