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
  void shouldSupportANumberWrittenAnotherWay() {
    List<String> users = List.of("The service has 3,000,000 registered users.");
    assertThat(scorer.score("How many users?", "It has 3 million registered users.", users)).isEqualTo(1.0);
    assertThat(scorer.score("How many users?", "It has 5 million registered users.", users)).isLessThan(0.5);
    List<String> trial = List.of("The free trial lasts fourteen days.");
    assertThat(scorer.score("How long?", "The free trial lasts 14 days.", trial)).isEqualTo(1.0);
    assertThat(scorer.score("How long?", "The free trial lasts 30 days.", trial)).isLessThan(0.5);
    assertThat(scorer.score("How long?", "The free trial lasts fourteen days.",
        List.of("The free trial lasts 14 days."))).isEqualTo(1.0);
    List<String> release = List.of("Version 2 was released on 2024-03-05.");
    assertThat(scorer.score("When?", "Version 2 came out on March 5, 2024.", release)).isGreaterThan(0.85);
    assertThat(scorer.score("When?", "Version 2 came out on March 7, 2024.", release)).isLessThan(0.5);
    assertThat(scorer.score("Size?", "Files of up to 2GB each.", List.of("Uploads are limited to 2 GB per file.")))
        .isEqualTo(1.0);
    assertThat(scorer.score("Size?", "Files of up to 2 GB each.", List.of("Uploads are limited to 2GB per file.")))
        .isEqualTo(1.0);
    List<String> hours = List.of("It is open from 9:00 to 17:00.");
    assertThat(scorer.score("When?", "It is open from 9 am to 5 pm.", hours)).isGreaterThan(0.7);
    assertThat(scorer.score("When?", "It is open from 9 am to 6 pm.", hours)).isLessThan(0.5);
    // a month in the context does not stand for its number
    assertThat(scorer.score("Born?", "He was born on July 7, 1984.", List.of("He was born on July 5, 1984.")))
        .isLessThan(0.5);
  }

  @Test
  void shouldReadAnAttributionAsNeitherSupportedNorUnsupported() {
    List<String> price = List.of("The Pro plan costs $1,299 per year.");
    String plain = "The Pro plan costs $1,299 per year.";
    assertThat(scorer.score("Price?", "Based on the provided context, " + plain.toLowerCase(), price)).isEqualTo(1.0);
    assertThat(scorer.score("Price?", "According to the documentation, " + plain.toLowerCase(), price)).isEqualTo(1.0);
    assertThat(scorer.score("Price?", "The retrieved documents say the Pro plan costs $1,299 per year.", price))
        .isEqualTo(1.0);
    assertThat(scorer.score("Price?", "Based on the provided context, the Pro plan costs $1,499 per year.", price))
        .isLessThan(0.5);
    assertThat(scorer.score("Price?", "The Pro plan costs $1,299 per year, according to the documentation.", price))
        .isEqualTo(1.0);
    // a sentence's opening word is no name
    assertThat(scorer.score("Price?", "Overall, the Pro plan costs $1,299 per year.", price)).isEqualTo(1.0);
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
