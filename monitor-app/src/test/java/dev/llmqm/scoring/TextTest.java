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
}
