package dev.llmqm.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentKeyTest {

  private final SegmentKey key = new SegmentKey("chat", "answer", "gpt-4o", "v7", "canary", "acme");

  @Test
  void shouldRenderLabelsInDimensionOrderWithoutRolledUpDimensions() {
    assertThat(key.withFeature(null).withTenant(null).asMap())
        .containsExactly(
            java.util.Map.entry("service_name", "chat"),
            java.util.Map.entry("request_model", "gpt-4o"),
            java.util.Map.entry("prompt_template_version", "v7"),
            java.util.Map.entry("rollout_variant", "canary"));
    assertThat(SegmentKey.ALL_SEGMENTS.asMap()).isEmpty();
  }

  @Test
  void shouldRollUpWithHelpers() {
    assertThat(key.withTenant(null).tenantId()).isNull();
    assertThat(key.withTenant("acme")).isSameAs(key);
    assertThat(key.keepOnly(SegmentKey.SERVICE_NAME, SegmentKey.REQUEST_MODEL))
        .isEqualTo(new SegmentKey("chat", null, "gpt-4o", null, null, null));
    assertThat(key.with("tenant_id", "other").tenantId()).isEqualTo("other");
    assertThat(key.get("feature")).isEqualTo("answer");
    assertThatThrownBy(() -> key.with("nope", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNormaliseRawValues() {
    assertThat(SegmentKey.normalized(" chat ", "a b", null, "", "canary", "t\n1"))
        .isEqualTo(new SegmentKey("chat", "a_b", null, "unknown", "canary", "t_1"));
  }

  @Test
  void shouldRoundTripBytesDeterministically() {
    Random rnd = new Random(42);
    for (int i = 0; i < 2000; i++) {
      String[] v = new String[6];
      for (int d = 0; d < 6; d++) {
        v[d] = rnd.nextInt(3) == 0 ? null : randomString(rnd);
      }
      SegmentKey k = new SegmentKey(v[0], v[1], v[2], v[3], v[4], v[5]);
      byte[] b = k.toBytes();
      assertThat(SegmentKey.fromBytes(b)).isEqualTo(k);
      assertThat(new SegmentKey(v[0], v[1], v[2], v[3], v[4], v[5]).toBytes()).isEqualTo(b);
    }
    assertThat(SegmentKey.ALL_SEGMENTS.toBytes()).hasSize(2);
  }

  @Test
  void shouldRejectMalformedBytes() {
    byte[] good = key.toBytes();
    assertThatThrownBy(() -> SegmentKey.fromBytes(new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SegmentKey.fromBytes(new byte[] {9, 0}))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> SegmentKey.fromBytes(java.util.Arrays.copyOf(good, good.length - 1)))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> SegmentKey.fromBytes(java.util.Arrays.copyOf(good, good.length + 1)))
        .hasMessageContaining("trailing");
  }

  @Test
  void shouldSortWithRolledUpFirst() {
    List<SegmentKey> keys = new ArrayList<>(List.of(key, key.withTenant(null),
        key.withServiceName("a"), SegmentKey.ALL_SEGMENTS));
    java.util.Collections.sort(keys);
    assertThat(keys).containsExactly(SegmentKey.ALL_SEGMENTS, key.withServiceName("a"),
        key.withTenant(null), key);
  }

  private static String randomString(Random rnd) {
    int n = rnd.nextInt(200);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(rnd.nextInt(10) == 0 ? (char) (0x80 + rnd.nextInt(0x2000)) : (char) ('a' + rnd.nextInt(26)));
    }
    return sb.toString();
  }
}
