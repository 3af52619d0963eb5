package dev.llmqm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void windowShouldKeepShortTextWhole() {
    assertThat(Text.window(null, 16)).isEmpty();
    assertThat(Text.window("short enough", 16)).isEqualTo("short enough");
    assertThat(Text.window("x".repeat(16), 16)).hasSize(16);
  }

  @Test
  void windowShouldKeepTheHeadAndTheTailOfLongText() {
    String text = "H".repeat(5_000) + "M".repeat(50_000) + "T".repeat(5_000);

    String w = Text.window(text, 4096);

    assertThat(w).hasSize(4096);
    assertThat(w).startsWith("H".repeat(3_071) + "\n").endsWith("T".repeat(1_024)).doesNotContain("M");
  }

  @Test
  void windowShouldNotSplitSurrogatePairs() {
    String pair = "\uD83D\uDE00"; // one emoji, two chars
    String text = pair.repeat(100);

    for (int max = 8; max < 40; max++) {
      String w = Text.window(text, max);
      assertThat(w.length()).isLessThanOrEqualTo(max);
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (Character.isHighSurrogate(c)) {
          assertThat(i + 1 < w.length() && Character.isLowSurrogate(w.charAt(i + 1))).as("max=%d at %d", max, i).isTrue();
        } else if (Character.isLowSurrogate(c)) {
          assertThat(i > 0 && Character.isHighSurrogate(w.charAt(i - 1))).as("max=%d at %d", max, i).isTrue();
        }
      }
    }
  }

  @Test
  void scoringConfigShouldRejectAWindowBeyondTheFieldCap() {
    assertThat(new ScoringConfig(1024, Set.of()).maxAnalysedChars()).isEqualTo(1024);
    assertThat(ScoringConfig.defaults().maxAnalysedChars()).isEqualTo(ScoringConfig.DEFAULT_MAX_ANALYSED_CHARS);
    assertThatThrownBy(() -> new ScoringConfig(1024, 2048, Set.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAnalysedChars");
    assertThatThrownBy(() -> new ScoringConfig(1024, 0, Set.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentHashShouldTellApartTextsThatDifferInOneChar() {
    String base = "Single sign-on with SAML is available on the Business and Enterprise plans. ".repeat(7);
    java.util.Set<Long> seen = new java.util.HashSet<>();
    seen.add(Text.contentHash(base));
    // every position (the four-char steps and the tail), every bit of a UTF-16 char, and lengths one apart
    for (int i = 0; i < base.length(); i++) {
      for (int bit = 0; bit < 16; bit++) {
        char[] c = base.toCharArray();
        c[i] ^= (char) (1 << bit);
        assertThat(seen.add(Text.contentHash(new String(c)))).as("position %d bit %d", i, bit).isTrue();
      }
    }
    for (int len = 0; len < base.length(); len++) {
      assertThat(seen.add(Text.contentHash(base.substring(0, len)))).as("prefix %d", len).isTrue();
    }
    assertThat(Text.contentHash(new String(base.toCharArray()))).isEqualTo(Text.contentHash(base));
  }
}
