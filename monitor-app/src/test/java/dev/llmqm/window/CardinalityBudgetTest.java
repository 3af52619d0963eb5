package dev.llmqm.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CardinalityBudgetTest {

  @Test
  void shouldAdmitTheFirstDistinctValuesAndFoldTheRest() {
    CardinalityBudget b = new CardinalityBudget("feature", 2, Set.of());
    assertThat(b.admit("a")).isEqualTo("a");
    assertThat(b.admit("b")).isEqualTo("b");
    assertThat(b.admit("a")).isEqualTo("a");
    assertThat(b.admit("c")).isEqualTo("other");
    assertThat(b.admit("d")).isEqualTo("other");
    assertThat(b.admit("b")).isEqualTo("b");
    assertThat(b.folded()).isEqualTo(2);
    assertThat(b.admittedCount()).isEqualTo(2);
  }

  @Test
  void shouldAlwaysAdmitAllowListedValuesWithoutUsingTheBudget() {
    CardinalityBudget b = new CardinalityBudget("service_name", 1, Set.of("checkout", "search"));
    assertThat(b.admit("x")).isEqualTo("x");
    assertThat(b.admit("checkout")).isEqualTo("checkout");
    assertThat(b.admit("search")).isEqualTo("search");
    assertThat(b.admit("y")).isEqualTo("other");
    assertThat(b.folded()).isEqualTo(1);
  }

  @Test
  void shouldPassNullAndOtherThrough() {
    CardinalityBudget b = new CardinalityBudget("tenant_id", 0, null);
    assertThat(b.admit(null)).isNull();
    assertThat(b.admit("other")).isEqualTo("other");
    assertThat(b.folded()).isZero();
    assertThat(b.admit("t1")).isEqualTo("other");
    assertThatThrownBy(() -> new CardinalityBudget("x", -1, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAdmitExactlyMaxValuesUnderConcurrency() throws InterruptedException {
    CardinalityBudget b = new CardinalityBudget("tenant_id", 50, Set.of());
    Set<String> admitted = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 1000; i++) {
          String v = b.admit("v" + i);
          if (!v.equals("other")) {
            admitted.add(v);
          }
        }
      });
      threads.add(th);
      th.start();
    }
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }
    assertThat(admitted).hasSize(50);
    assertThat(b.folded()).isEqualTo(4 * 1000 - 4 * 50L);
  }
}
