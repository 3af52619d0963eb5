package dev.llmqm.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencySketchTest {

  private static final double[] QUANTILES = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999};

  @Test
  void shouldBeNaNWhenEmpty() {
    LatencySketch s = new LatencySketch();
    assertThat(s.count()).isZero();
    assertThat(s.quantile(0.5)).isNaN();
    assertThat(s.max()).isNaN();
    assertThat(LatencySketch.fromBytes(s.toBytes()).count()).isZero();
  }

  @Test
  void shouldKeepExactCountMaxAndClampQuantiles() {
    LatencySketch s = new LatencySketch();
    s.add(120);
    s.add(0);
    s.add(-5);
    s.add(Double.NaN);
    assertThat(s.count()).isEqualTo(3);
    assertThat(s.max()).isEqualTo(120);
    assertThat(s.min()).isZero();
    assertThat(s.quantile(1)).isEqualTo(120);
    assertThat(s.quantile(0)).isZero();
    assertThatThrownBy(() -> s.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldStayWithinOnePercentOnABimodalDistributionMergedFrom60Panes() {
    // Given 60 one-minute panes of a bimodal latency: fast cache hits and slow generations
    Random rnd = new Random(7);
    LatencySketch merged = new LatencySketch();
    double[] all = new double[60 * 2000];
    int k = 0;
    for (int pane = 0; pane < 60; pane++) {
      LatencySketch p = new LatencySketch();
      for (int i = 0; i < 2000; i++) {
        double v = rnd.nextDouble() < 0.8
            ? Math.exp(Math.log(40) + rnd.nextGaussian() * 0.3)
            : Math.exp(Math.log(2500) + rnd.nextGaussian() * 0.4);
        p.add(v);
        all[k++] = v;
      }
      // When each pane travels through its binary form before being merged
      merged.merge(LatencySketch.fromBytes(p.toBytes()));
    }
    Arrays.sort(all);
    // Then every quantile is within 1 % of the exact one
    assertThat(merged.count()).isEqualTo(all.length);
    for (double q : QUANTILES) {
      double exact = all[(int) Math.floor(q * (all.length - 1))];
      assertThat(merged.quantile(q)).as("q=%s", q).isCloseTo(exact, within(exact * 0.01));
    }
    assertThat(merged.max()).isEqualTo(all[all.length - 1]);
  }

  @Test
  void shouldRoundTripExactly() {
    Random rnd = new Random(3);
    LatencySketch s = new LatencySketch();
    for (int i = 0; i < 5000; i++) {
      s.add(rnd.nextDouble() * 10_000);
    }
    LatencySketch r = LatencySketch.fromBytes(s.toBytes());
    assertThat(r.count()).isEqualTo(s.count());
    assertThat(r.max()).isEqualTo(s.max());
    assertThat(r.min()).isEqualTo(s.min());
    assertThat(r.sum()).isEqualTo(s.sum());
    for (double q : QUANTILES) {
      assertThat(r.quantile(q)).isEqualTo(s.quantile(q));
    }
    assertThat(r.toBytes()).isEqualTo(s.toBytes());
  }

  @Test
  void shouldRejectMalformedBytes() {
    assertThatThrownBy(() -> LatencySketch.fromBytes(new byte[5]))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] b = new LatencySketch().toBytes();
    b[0] = 7;
    assertThatThrownBy(() -> LatencySketch.fromBytes(b)).hasMessageContaining("version");
  }

  @Test
  void shouldKeepHighQuantilesWhenValuesSpanManyOrdersOfMagnitude() {
    LatencySketch s = new LatencySketch();
    double[] all = new double[19 * 100];
    int k = 0;
    for (int e = -6; e <= 12; e++) {
      for (int i = 0; i < 100; i++) {
        double v = Math.pow(10, e) * (1 + i / 100.0);
        s.add(v);
        all[k++] = v;
      }
    }
    Arrays.sort(all);
    for (double q : new double[] {0.5, 0.9, 0.99}) {
      double exact = all[(int) Math.floor(q * (all.length - 1))];
      assertThat(s.quantile(q)).as("q=%s", q).isCloseTo(exact, within(exact * 0.01));
    }
    assertThat(s.max()).isEqualTo(1.99e12);
  }

  @org.junit.jupiter.api.Test
  void histogramShouldCountValuesPerFixedBoundWithinOnePercent() {
    LatencySketch s = new LatencySketch();
    for (int v = 1; v <= 1000; v++) {
      s.add(v);
    }
    s.add(0);

    long[] h = s.histogram(new double[] {100, 500, 1000});

    org.assertj.core.api.Assertions.assertThat(h[0]).isBetween(99L, 103L);
    org.assertj.core.api.Assertions.assertThat(h[1]).isBetween(397L, 403L);
    org.assertj.core.api.Assertions.assertThat(h[0] + h[1] + h[2]).isEqualTo(1001L);
  }
}
