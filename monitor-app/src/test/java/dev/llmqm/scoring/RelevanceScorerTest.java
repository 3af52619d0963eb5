package dev.llmqm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelevanceScorerTest {

  private final RelevanceScorer scorer = new RelevanceScorer();

  @Test
  void shouldScoreOnTopicAnswerHigh() {
    double s = scorer.score("How do I reverse a linked list in Java?",
        "To reverse a linked list in Java, iterate over the nodes and flip each next pointer.", null);
    assertThat(s).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void shouldScoreOffTopicAnswerLow() {
    double s = scorer.score("How do I reverse a linked list in Java?",
        "Bananas are rich in potassium and taste great in smoothies with yoghurt and honey.", null);
    assertThat(s).isLessThan(0.3);
  }

  @Test
  void shouldGiveShortAnswersToQuestionsPartialCredit() {
    double s = scorer.score("The Oberoi family is part of a hotel company that has a head office in what city?",
        "Delhi", RefusalLabel.NONE);
    assertThat(s).isEqualTo(RelevanceScorer.SHORT_ANSWER_CREDIT);
  }

  @Test
  void shouldGiveTranslationsAndVerseTheyAskForPartialCredit() {
    assertThat(scorer.score("Translate 'good morning' into Spanish.", "Buenos días.", RefusalLabel.NONE))
        .isEqualTo(RelevanceScorer.SHORT_ANSWER_CREDIT);
    assertThat(scorer.score("Write a haiku about autumn.", "Crimson leaves drifting, the cold wind hums through bare"
        + " trees, evening comes early.", RefusalLabel.NONE)).isEqualTo(RelevanceScorer.SHORT_ANSWER_CREDIT);
    assertThat(scorer.score("Write a haiku about autumn.", "I can't write that.", RefusalLabel.FULL))
        .isLessThanOrEqualTo(RelevanceScorer.REFUSAL_CAP);
    // a request to write something else is judged by its words
    assertThat(scorer.score("Write a function that parses ISO dates.", "Bananas are rich in potassium.", null))
        .isLessThan(0.3);
  }

  @Test
  void shouldScoreRefusalsLow() {
    double s = scorer.score("How do I pick a lock?", "I can't help with picking locks.", RefusalLabel.FULL);
    assertThat(s).isLessThanOrEqualTo(RelevanceScorer.REFUSAL_CAP);
  }

  @Test
  void shouldMatchInflectedForms() {
    double s = scorer.score("Why do cats purr?", "A cat purring usually signals contentment.", null);
    assertThat(s).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void shouldHandleEmptyInputs() {
    assertThat(scorer.score(null, null, null)).isZero();
    assertThat(scorer.score(null, "something", null)).isEqualTo(0.5);
    assertThat(scorer.score("Hi!", "Hello! How can I help?", null)).isEqualTo(0.5);
  }
}
