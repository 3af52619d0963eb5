package dev.llmqm.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowObservationTest {

  @Test
  void mergeSumsEverythingAndIsOrderInsensitiveForSums() {
    List<WindowObservation> panes = new ScenarioGenerator(5, ScenarioGenerator.thinFleet(1)).window(3);
    Map<String, String> svc = Map.of("service_name", "all");
    WindowObservation m = WindowObservation.merge(panes, svc);
    assertThat(m.count()).isEqualTo(panes.stream().mapToLong(WindowObservation::count).sum());
    assertThat(m.errors()).isEqualTo(panes.stream().mapToLong(WindowObservation::errors).sum());
    long lat = 0;
    for (long v : m.latencyHistogram()) lat += v;
    assertThat(lat).isEqualTo(m.count());
    assertThat(m.segment()).isEqualTo(svc);

    List<WindowObservation> shuffled = new ArrayList<>(panes);
    Collections.reverse(shuffled);
    WindowObservation r = WindowObservation.merge(shuffled, svc);
    assertThat(r.count()).isEqualTo(m.count());
    assertThat(r.latencyHistogram()).isEqualTo(m.latencyHistogram());
    assertThat(r.costUsd()).isCloseTo(m.costUsd(), org.assertj.core.api.Assertions.within(1e-9));
    m.exemplars().values().forEach(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(5));
  }

  @Test
  void mergeIsAssociative() {
    List<WindowObservation> p = new ScenarioGenerator(6, ScenarioGenerator.thinFleet(1)).window(1);
    Map<String, String> s = Map.of("service_name", "x");
    WindowObservation left =
        WindowObservation.merge(List.of(WindowObservation.merge(p.subList(0, 10), s), WindowObservation.merge(p.subList(10, p.size()), s)), s);
    WindowObservation all = WindowObservation.merge(p, s);
    assertThat(left.count()).isEqualTo(all.count());
    assertThat(left.ttftHistogram()).isEqualTo(all.ttftHistogram());
    assertThat(left.groundednessLow()).isEqualTo(all.groundednessLow());
  }

  @Test
  void rejectsHistogramsOfTheWrongSize() {
    assertThatThrownBy(
            () -> new WindowObservation(Map.of(), 0, 60_000, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                new long[3], null, 0, 0, 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("30 bins");
  }
}
