package dev.llmqm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void shouldSplitWordsNumbersAndSentences() {
    List<Token> t =
        Tokenizer.tokenize("Don't pay $1,200.50 today. The U.S. office isn't open; John's plans were studied!");
    assertThat(t).extracting(Token::lower).containsExactly(
        "don't", "pay", "1200.50", "today", "the", "u", "s", "office", "isn't", "open", "john", "plans", "were",
        "studied");
    assertThat(t).extracting(Token::stem).contains("plan", "study", "1200.50");
    assertThat(t.get(0).negation()).isTrue();
    assertThat(t.get(2).number()).isTrue();
    assertThat(t.get(4).sentenceStart()).isTrue();
    assertThat(t.get(4).stopword()).isTrue();
    // sentences start at "Don't", "The" and "John's"; "U.S." is not a sentence end
    assertThat(t).extracting(Token::sentenceStart).containsExactly(
        true, false, false, false, true, false, false, false, false, false, true, false, false, false);
    assertThat(t.get(10).capitalised()).isTrue();
    assertThat(t.get(11).prefixKey()).isNull();
    assertThat(Tokenizer.tokenize("documentation").get(0).prefixKey()).isEqualTo("~docume");
  }

  @Test
  void shouldGiveTheValueOfNumbersNotWrittenInPlainDigits() {
    assertThat(Tokenizer.tokenize("05 fourteen 6.50 42 0 3,000 ten-day seven"))
        .extracting(Token::value)
        .containsExactly("5", "14", "6.5", null, null, null, "10", null, "7");
  }

  @Test
  void shouldGiveTheSameTokensWhateverTheRecentWordsAre() {
    // thousands of distinct words evict and refill the memo of recent word forms: results must not change
    Random r = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < 300; w++) {
        int len = 1 + r.nextInt(12);
        for (int c = 0; c < len; c++) {
          b.append((char) ((r.nextBoolean() ? 'a' : 'A') + r.nextInt(6)));
        }
        b.append(r.nextInt(8) == 0 ? ". " : " ");
      }
      texts.add(b.toString());
    }
    List<List<Token>> first = texts.stream().map(Tokenizer::tokenize).toList();
    for (int i = texts.size() - 1; i >= 0; i--) {
      assertThat(Tokenizer.tokenize(texts.get(i))).isEqualTo(first.get(i));
    }
  }

  @Test
  void shouldBeSafeToCallFromManyThreads() throws Exception {
    Random r = new Random(11);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < 2_000; w++) {
        b.append(Integer.toString(r.nextInt(50_000), 36)).append(r.nextInt(5) == 0 ? "s " : " ");
      }
      texts.add(b.toString());
    }
    List<List<Token>> expected = texts.stream().map(Tokenizer::tokenize).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> same = new ArrayList<>();
      for (int round = 0; round < 8; round++) {
        for (int i = 0; i < texts.size(); i++) {
          int k = i;
          same.add(pool.submit(() -> Tokenizer.tokenize(texts.get(k)).equals(expected.get(k))));
        }
      }
      for (Future<Boolean> f : same) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
