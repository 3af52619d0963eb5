package dev.llmqm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroundednessScorerTest {

  private static final List<String> CONTEXT =
      List.of("The Eiffel Tower is a wrought-iron lattice tower in Paris, France. It was designed by the"
          + " engineering company of Gustave Eiffel and built from 1887 to 1889. It is 330 metres tall.");
  private final GroundednessScorer scorer = new GroundednessScorer();

  @Test
  void shouldScoreCopiedContextHigh() {
    Double s = scorer.score("Tell me about the Eiffel Tower", CONTEXT.get(0), CONTEXT);
    assertThat(s).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void shouldPenaliseUnsupportedNumber() {
    Double s = scorer.score("How tall is it?", "The Eiffel Tower is 450 metres tall.", CONTEXT);
    assertThat(s).isLessThan(0.5);
  }

  @Test
  void shouldPenaliseUnsupportedName() {
    Double s = scorer.score("Who designed it?", "The Eiffel Tower was designed by Gustave Flaubert.", CONTEXT);
    assertThat(s).isLessThan(0.6);
    assertThat(scorer.score("Who designed it?", "It was designed by Gustave Eiffel.", CONTEXT))
        .isGreaterThan(s);
  }

  @Test
  void shouldPenaliseUnsupportedNegation() {
    Double neg = scorer.score("Is it in Paris?", "The Eiffel Tower is not in Paris.", CONTEXT);
    Double pos = scorer.score("Is it in Paris?", "The Eiffel Tower is in Paris.", CONTEXT);
    assertThat(neg).isLessThan(pos);
  }

  @Test
  void shouldNotPunishALongCorrectParaphraseForLength() {
    String shortAnswer = "Gustave Eiffel's company.";
    String longAnswer = "The tower in Paris was designed by the engineering company of Gustave Eiffel, and the"
        + " wrought-iron lattice structure was built between 1887 and 1889, reaching 330 metres.";
    double s = scorer.score("Who designed the Eiffel Tower?", shortAnswer, CONTEXT);
    double l = scorer.score("Who designed the Eiffel Tower?", longAnswer, CONTEXT);
    assertThat(l).isGreaterThanOrEqualTo(0.85);
    assertThat(Math.abs(s - l)).isLessThan(0.15);
  }

  @Test
  void shouldReturnNullWithoutContextOrResponse() {
    assertThat(scorer.score("q", "answer", List.of())).isNull();
    assertThat(scorer.score("q", "answer", null)).isNull();
    assertThat(scorer.score("q", null, CONTEXT)).isNull();
    assertThat(scorer.score("q", "  ", CONTEXT)).isNull();
  }

  @Test
  void shouldCacheContextChunksByHash() {
    GroundednessScorer fresh = new GroundednessScorer();
    fresh.score("q", "Paris", CONTEXT);
    fresh.score("q", "France", CONTEXT);
    assertThat(fresh.cacheSize()).isEqualTo(1);
  }
}
