package dev.llmqm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DigitPatternsTest {

  /** Random text of chars the patterns care about, in runs, so that near and whole matches are common. */
  private static String text(SplittableRandom random, String alphabet, int maxRun, int length) {
    StringBuilder b = new StringBuilder(length);
    while (b.length() < length) {
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      int run = c >= '0' && c <= '9' ? 1 + random.nextInt(maxRun) : 1;
      for (int k = 0; k < run && b.length() < length; k++) {
        b.append(k == 0 ? c : (char) ('0' + random.nextInt(10)));
      }
    }
    return b.toString();
  }

  /** Every match RE2J finds in {@code s[from, to)}, with offsets into {@code s}, in order. */
  private static List<String> re2j(Pattern p, String s, int from, int to) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(s.substring(from, to));
    while (m.find()) {
      out.add((from + m.start()) + "-" + (from + m.end()));
    }
    return out;
  }

  private static List<String> byHand(DigitPatterns.Finder finder, String s, int from, int to) {
    List<String> out = new ArrayList<>();
    for (long r = finder.find(s, from, to); r >= 0; r = finder.find(s, (int) r, to)) {
      out.add((r >>> 32) + "-" + (int) r);
      if ((int) r >= to) {
        break;
      }
    }
    return out;
  }

  private static void assertSameMatches(String regex, DigitPatterns.Finder finder, String alphabet, int maxRun) {
    Pattern p = Pattern.compile(regex);
    SplittableRandom random = new SplittableRandom(regex.hashCode());
    int matched = 0;
    for (int round = 0; round < 20_000; round++) {
      String s = text(random, alphabet, maxRun, 1 + random.nextInt(120));
      int from = random.nextInt(Math.min(s.length(), 8));
      int to = s.length() - random.nextInt(Math.min(s.length() - from, 8));
      List<String> expected = re2j(p, s, from, to);
      assertThat(byHand(finder, s, from, to)).as("%s in [%s] from %d to %d", regex, s, from, to)
          .isEqualTo(expected);
      matched += expected.isEmpty() ? 0 : 1;
    }
    assertThat(matched).as("texts with a match").isGreaterThan(1_000);
  }

  /** Each pattern with the chars its random texts are made of and their longest run of digits. */
  static Stream<Arguments> patterns() {
    return Stream.of(
        Arguments.of("card", DigitPatterns.CARD, (DigitPatterns.Finder) DigitPatterns::card, "0123456789 - x", 6),
        Arguments.of("nanp", DigitPatterns.NANP, (DigitPatterns.Finder) DigitPatterns::nanp, "0123456789 .-()+11", 4),
        Arguments.of("ssn", DigitPatterns.SSN, (DigitPatterns.Finder) DigitPatterns::ssn, "0123456789 -- ", 4),
        Arguments.of("nine digits", DigitPatterns.NINE_DIGITS, (DigitPatterns.Finder) DigitPatterns::nineDigits,
            "0123456789 -", 6),
        Arguments.of("ipv4", DigitPatterns.IPV4, (DigitPatterns.Finder) DigitPatterns::ipv4, "0123456789.....x", 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patterns")
  void matchesItsExpression(String name, String regex, DigitPatterns.Finder finder, String alphabet, int maxRun) {
    assertSameMatches(regex, finder, alphabet, maxRun);
  }

  @Test
  void findsTheLeftmostMatchGreedily() {
    String card = "card 4111 1111 1111 1111, then 4111-1111";
    long r = DigitPatterns.card(card, 0, card.length());
    assertThat(card.substring((int) (r >>> 32), (int) r)).isEqualTo("4111 1111 1111 1111");
    String ip = "v1234.5.6.789 and 10.0.0.1";
    r = DigitPatterns.ipv4(ip, 0, ip.length());
    assertThat(ip.substring((int) (r >>> 32), (int) r)).isEqualTo("234.5.6.789");
    assertThat(DigitPatterns.ssn("123-45-678", 0, 10)).isEqualTo(-1);
    String phone = "+1 (212) 555-0147 or 1 212 555 0147";
    r = DigitPatterns.nanp(phone, 0, phone.length());
    assertThat(phone.substring((int) (r >>> 32), (int) r)).isEqualTo("+1 (212) 555-0147");
  }
}
