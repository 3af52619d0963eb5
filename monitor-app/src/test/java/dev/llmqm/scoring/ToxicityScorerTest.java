package dev.llmqm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ToxicityScorerTest {

  private static final ToxicityScorer SCORER = new ToxicityScorer();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "profanity|This is fucking ridiculous.",
        "profanity|What the f*ck is this sh1t",
        "profanity|fuuuuuck that",
        "insult|You are a worthless piece of shit.",
        "insult|Shut up, you idiot.",
        "insult|what an a$$hole",
        "threat|I will kill you if you come back.",
        "threat|Just kys already",
        "threat|I know where you live.",
        "threat|i hope u die",
        "threat|kill urself loser",
        "threat|I will find where you live and hurt you.",
        "hate|Go back to your country.",
        "hate|they are subhuman",
        "sexual|send me a blowjob video",
      })
  void shouldFlagToxicTextWithCategory(String category, String text) {
    ToxicityScorer.Result r = SCORER.score(text);
    assertThat(r.score()).as(text).isGreaterThanOrEqualTo(0.5);
    assertThat(r.category()).isEqualTo(category);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I grew up in Scunthorpe and studied at Essex.",
        "The assessment of the class assignment was fair.",
        "Order a cocktail and a cockatoo-shaped glass.",
        "The therapist analysed the passage about Sussex.",
        "Mix the kumquat with a beanbag-sized scoop of sugar.",
        "Kung fu classes start at 6pm; bring a dipstick for the car.",
        "The killer whale is a kind of dolphin.",
        "Kill the process with kill -9 and restart the server.",
        "Hello, how can I help you today?",
        "Dick Van Dyke starred in Mary Poppins.",
        "Breast cancer screening saves lives.",
        "She graduated summa cum laude.",
        "The Negro Leagues were professional baseball leagues.",
        "The hooker binds the scrum in rugby.",
        "Sex education, gay rights and Jewish and Muslim history are on the syllabus.",
        "Analysis of the anal fin of the fish.",
        "Screw the lid on tightly and shoot the photo at dusk.",
        "We need your postcode to find where you live and which store is nearest.",
        "Three people die in a fire every day in the country, the report says.",
      })
  void shouldNotFlagBenignText(String text) {
    assertThat(SCORER.score(text).score()).as(text).isLessThan(0.5);
  }

  @Test
  void shouldWeighMildWordsLow() {
    assertThat(SCORER.score("damn, that was close").score()).isLessThan(0.5);
    assertThat(SCORER.score("damn").category()).isEqualTo("profanity");
  }

  @Test
  void shouldCombineSeveralMatches() {
    double one = SCORER.score("you idiot").score();
    double two = SCORER.score("you idiot, shut the fuck up, I will hurt you").score();
    assertThat(two).isGreaterThan(one).isLessThanOrEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"YOU IDIOT", "You Idiot", "FUUUCK", "ShIiIt", "A55", "a55", "$h1t", "you 1d10t"})
  void shouldMatchWhateverTheCaseElongationOrLeetspeak(String text) {
    assertThat(SCORER.score(text).score()).as(text).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void shouldNotReadDigitsOnlyTokensAsLeetspeak() {
    assertThat(SCORER.score("455").category()).isNull();
    assertThat(SCORER.score("a55").category()).isEqualTo("profanity");
  }

  @Test
  void shouldMatchALongTokenOnItsFirst48CharsOnly() {
    // Given an elongated word whose run fills the first 48 chars, then a tail that would spoil the match
    String spoiledAfterTheLimit = "shit" + "t".repeat(44) + "xyz";
    String spoiledWithinTheLimit = "shit" + "t".repeat(43) + "xyz";

    // Then only the tail inside the limit counts
    assertThat(SCORER.score(spoiledAfterTheLimit).category()).isEqualTo("profanity");
    assertThat(SCORER.score(spoiledWithinTheLimit).category()).isNull();
  }

  @Test
  void shouldHandleNullAndEmpty() {
    assertThat(SCORER.score(null).score()).isZero();
    assertThat(SCORER.score("").category()).isNull();
  }
}
