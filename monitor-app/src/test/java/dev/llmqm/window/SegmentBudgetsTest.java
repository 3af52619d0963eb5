package dev.llmqm.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentBudgetsTest {

  @Test
  void shouldBudgetEachDimensionWithASmallerTenantBudget() {
    SegmentBudgets budgets = new SegmentBudgets(2, 1,
        Map.of("request_model", Set.of("gpt-4o", "claude sonnet")));
    List<String> folds = new ArrayList<>();
    SegmentKey first = new SegmentKey("svc-a", "f1", "m1", "v1", "control", "t1");
    assertThat(budgets.admit(first, (d, v) -> folds.add(d + "=" + v))).isSameAs(first);

    SegmentKey second = budgets.admit(
        new SegmentKey("svc-b", "f2", "gpt-4o", "v2", "canary", "t2"), (d, v) -> folds.add(d + "=" + v));
    assertThat(second).isEqualTo(new SegmentKey("svc-b", "f2", "gpt-4o", "v2", "canary", "other"));

    SegmentKey third = budgets.admit(
        new SegmentKey("svc c", "f3", "claude sonnet", null, "control", "t1"),
        (d, v) -> folds.add(d + "=" + v));
    assertThat(third).isEqualTo(new SegmentKey("other", "other", "claude_sonnet", null, "control", "t1"));

    assertThat(folds).containsExactly("tenant_id=other", "service_name=other", "feature=other");
    assertThat(budgets.foldedByDimension())
        .containsEntry("service_name", 1L).containsEntry("tenant_id", 1L)
        .containsEntry("request_model", 0L);
    assertThat(budgets.budget("tenant_id").maxValues()).isEqualTo(1);
  }

  @Test
  void shouldNormaliseBeforeBudgeting() {
    SegmentBudgets budgets = new SegmentBudgets(1, 1, Map.of());
    assertThat(budgets.admit(new SegmentKey(" svc ", null, null, null, null, null), null))
        .isEqualTo(new SegmentKey("svc", null, null, null, null, null));
    assertThat(budgets.admit(new SegmentKey("svc", null, null, null, null, null), null).serviceName())
        .isEqualTo("svc");
  }

  @Test
  void shouldRejectUnknownDimensionsInAllowLists() {
    assertThatThrownBy(() -> new SegmentBudgets(1, 1, Map.of("colour", Set.of("red"))))
        .hasMessageContaining("colour");
  }
}
