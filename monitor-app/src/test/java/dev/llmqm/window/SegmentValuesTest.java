package dev.llmqm.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentValuesTest {

  @Test
  void shouldKeepCleanValuesAsTheSameInstance() {
    String v = "checkout-svc_v2.1:eu/west";
    assertThat(SegmentValues.normalize(v)).isSameAs(v);
  }

  @Test
  void shouldTrimReplaceAndCap() {
    assertThat(SegmentValues.normalize("  my service  ")).isEqualTo("my_service");
    assertThat(SegmentValues.normalize("tenant\"}{evil=1")).isEqualTo("tenant___evil_1");
    assertThat(SegmentValues.normalize("zürich")).isEqualTo("z_rich");
    assertThat(SegmentValues.normalize("x".repeat(100))).hasSize(64);
    assertThat(SegmentValues.normalize("  " + "y".repeat(70))).isEqualTo("y".repeat(64));
  }

  @Test
  void shouldMapBlankToUnknownAndKeepNull() {
    assertThat(SegmentValues.normalize("   ")).isEqualTo(SegmentValues.UNKNOWN);
    assertThat(SegmentValues.normalize("")).isEqualTo(SegmentValues.UNKNOWN);
    assertThat(SegmentValues.normalize(null)).isNull();
  }

  @Test
  void shouldOnlyProduceAllowedCharacters() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 512; c++) {
      all.append(c);
    }
    String n = SegmentValues.normalize("a" + all + "z");
    assertThat(n).matches("[A-Za-z0-9._:/-]{1,64}");
  }
}
