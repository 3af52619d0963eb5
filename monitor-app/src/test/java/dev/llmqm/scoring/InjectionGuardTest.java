package dev.llmqm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The injection rules' guard literals against their patterns: the scan skips a window whose text, up to the
 * window's end, has none of a rule's guard literals, which is sound only if every match of the pattern has one.
 * Texts are drawn from each pattern itself (every alternative, every repeat count) and each match that RE2J
 * finds in them is checked.
 */
class InjectionGuardTest {

  private static final int SAMPLES = 4_000;

  @Test
  void shouldFindAGuardLiteralInEveryMatchOfItsRule() {
    Random random = new Random(42);
    List<String> violations = new ArrayList<>();
    int matched = 0;
    List<InjectionScorer.RuleView> guarded =
        InjectionScorer.rules().stream().filter(rule -> rule.guard() != null).toList();
    for (InjectionScorer.RuleView rule : guarded) {
      if (rule.anywhere()) {
        continue;
      }
      List<String> matches = sampledMatches(rule.pattern(), random);
      matched += matches.size();
      matches.stream().filter(match -> rule.guard().stream().noneMatch(match::contains)).findFirst()
          .ifPresent(match -> violations.add(match + "   <- " + rule.guard()));
    }
    assertThat(violations).as("matches without a guard literal").isEmpty();
    assertThat(matched).as("samples that match").isGreaterThan(SAMPLES * guarded.size() / 2);
  }

  /**
   * A rule's pattern runs only on windows that start at a word where one of its triggers occurs, which is sound
   * only if every text the pattern matches has such a start from which it matches too (an optional opening, as
   * "the" in "the AI must ...", may be skipped).
   */
  @Test
  void shouldFindEveryMatchOfARuleFromOneOfItsTriggers() {
    Random random = new Random(43);
    List<String> violations = new ArrayList<>();
    for (InjectionScorer.RuleView rule : InjectionScorer.rules()) {
      if (rule.triggers().contains("pour l'ia")) {
        // the address in seven languages lists the openings in use ("to the AI", "pour l'IA", "an die KI"); its
        // pattern also takes any article after any preposition ("pour le ai"), which no trigger opens
        continue;
      }
      Pattern pattern = Pattern.compile(rule.pattern());
      sampledMatches(rule.pattern(), random).stream()
          .filter(match -> !foundFromATrigger(pattern, rule.triggers(), match)).findFirst()
          .ifPresent(match -> violations.add(match + "   <- " + rule.triggers()));
    }
    assertThat(violations).as("matches that no trigger opens").isEmpty();
  }

  /** Of {@link #SAMPLES} texts drawn from {@code regex}, those it matches, each cut at the end of its match. */
  private static List<String> sampledMatches(String regex, Random random) {
    Pattern pattern = Pattern.compile(regex);
    Sampler sampler = new Sampler(regex, random);
    List<String> matches = new ArrayList<>();
    for (int k = 0; k < SAMPLES; k++) {
      String text = sampler.sample();
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        matches.add(text.substring(0, m.end()));
      }
    }
    return matches;
  }

  private static boolean foundFromATrigger(Pattern pattern, List<String> triggers, String match) {
    for (int p = 0; p < match.length(); p++) {
      if (p > 0 && Character.isLetterOrDigit(match.charAt(p - 1)) && Character.isLetter(match.charAt(p))) {
        continue; // the scan tries triggers at word starts only
      }
      int at = p;
      if (triggers.stream().anyMatch(t -> match.startsWith(t, at)) && pattern.matcher(match.substring(p)).find()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void shouldMatchARuleWhoseGuardWordTheScanReadsAfterTheRuleLastLookedForIt() {
    // "say" opens the rule for "say 'hacked'" twice before its guard word, which only the last sentence has; in
    // between, 80 windows of other rules lacking their guards make the scan read the whole text
    StringBuilder text = new StringBuilder("Blue green red. ".repeat(19)).append("Say hi. ")
        .append("if ".repeat(50)).append("the ".repeat(30)).append("what a day. Say bye. ");
    while (text.length() < 2000) {
      text.append("Blue green red. ");
    }
    text.append("How do I say 'hacked' in Spanish? ").append("Thanks a lot. ".repeat(300));
    assertThat(new InjectionScorer().scoreText(text.toString(), false)).isGreaterThan(0.4);
  }

  @Test
  void shouldDrawTextsThatMatchTheirPattern() {
    Random random = new Random(7);
    for (String regex : List.of("^(?:a(?: \\S+){0,3}? (?:b|cd?)\\b)", "^(?:x[,;:]?y{2,3}|z\\s?[^a-c]+)$")) {
      Pattern pattern = Pattern.compile(regex);
      Sampler sampler = new Sampler(regex, random);
      int matched = 0;
      for (int k = 0; k < 200; k++) {
        matched += pattern.matcher(sampler.sample()).find() ? 1 : 0;
      }
      assertThat(matched).as(regex).isGreaterThan(150);
    }
  }

  /**
   * Draws strings from the RE2 syntax the rules use: literals, escapes ({@code \S \s \w \d \b}, escaped
   * punctuation), groups, alternation, classes, {@code ? * + {m,n}} (lazy or not) and anchors. Every
   * alternative and repeat count is drawn with equal chance; {@code \S} draws a short word.
   */
  static final class Sampler {
    private final String re;
    private final Random random;
    private int pos;

    Sampler(String re, Random random) {
      this.re = re;
      this.random = random;
    }

    String sample() {
      pos = 0;
      StringBuilder out = new StringBuilder();
      alternation(out);
      return out.toString();
    }

    private void alternation(StringBuilder out) {
      List<Integer> starts = new ArrayList<>();
      int depth = 0;
      starts.add(pos);
      int k = pos;
      for (; k < re.length(); k = past(k) + 1) {
        char c = re.charAt(k);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (c == '|' && depth == 0) {
          starts.add(k + 1);
        }
      }
      int end = k;
      pos = starts.get(random.nextInt(starts.size()));
      sequence(out);
      pos = end;
    }

    private void sequence(StringBuilder out) {
      while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
        int atomStart = pos;
        skipAtom();
        int atomEnd = pos;
        int min = 1;
        int max = 1;
        if (pos < re.length()) {
          char q = re.charAt(pos);
          if (q == '?' || q == '*' || q == '+') {
            min = q == '+' ? 1 : 0;
            max = q == '?' ? 1 : 3;
            pos++;
          } else if (q == '{') {
            int close = re.indexOf('}', pos);
            String[] range = re.substring(pos + 1, close).split(",", -1);
            min = Integer.parseInt(range[0]);
            max = range.length == 1 ? min : range[1].isEmpty() ? min + 3 : Integer.parseInt(range[1]);
            pos = close + 1;
          }
          if (pos < re.length() && re.charAt(pos) == '?' && (q == '?' || q == '*' || q == '+' || q == '{')) {
            pos++; // lazy
          }
        }
        int times = min + random.nextInt(max - min + 1);
        int after = pos;
        for (int t = 0; t < times; t++) {
          pos = atomStart;
          atom(out);
          pos = atomEnd;
        }
        pos = after;
      }
    }

    private void skipAtom() {
      char c = re.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == '[') {
        pos = classEnd(pos) + 1;
      } else if (c == '(') {
        int depth = 0;
        for (; pos < re.length(); pos = past(pos) + 1) {
          char d = re.charAt(pos);
          if (d == '(') {
            depth++;
          } else if (d == ')' && --depth == 0) {
            pos++;
            return;
          }
        }
      } else {
        pos++;
      }
    }

    private void atom(StringBuilder out) {
      char c = re.charAt(pos);
      if (c == '(') {
        pos += re.startsWith("(?:", pos) ? 3 : 1;
        alternation(out);
      } else if (c == '[') {
        out.append(fromClass(re.substring(pos + 1, classEnd(pos))));
      } else if (c == '\\') {
        char e = re.charAt(pos + 1);
        switch (e) {
          case 'S' -> out.append(word());
          case 's' -> out.append(' ');
          case 'w' -> out.append((char) ('a' + random.nextInt(26)));
          case 'd' -> out.append((char) ('0' + random.nextInt(10)));
          case 'b' -> { }
          default -> out.append(e);
        }
      } else if (c == '.') {
        out.append((char) ('a' + random.nextInt(26)));
      } else if (c != '^' && c != '$') {
        out.append(c);
      }
    }

    /** A run of word chars: {@code \S+} takes a few, so a repeat of it spells words. */
    private String word() {
      String[] words = {"a", "the", "x", "it", "now", "you", "all", "ai", "model", "my", "then", "se"};
      return words[random.nextInt(words.length)];
    }

    /** The last char of the escape or class at {@code k}, or {@code k} itself. */
    private int past(int k) {
      char c = re.charAt(k);
      return c == '\\' ? k + 1 : c == '[' ? classEnd(k) : k;
    }

    private int classEnd(int open) {
      int k = open + 1;
      if (k < re.length() && re.charAt(k) == '^') {
        k++;
      }
      if (k < re.length() && re.charAt(k) == ']') {
        k++;
      }
      for (; k < re.length(); k++) {
        char c = re.charAt(k);
        if (c == '\\') {
          k++;
        } else if (c == ']') {
          return k;
        }
      }
      throw new IllegalArgumentException("unclosed class in " + re);
    }

    private char fromClass(String body) {
      boolean negated = body.startsWith("^");
      List<Character> members = new ArrayList<>();
      String b = negated ? body.substring(1) : body;
      for (int k = 0; k < b.length(); k++) {
        char c = b.charAt(k);
        if (c == '\\') {
          members.add(b.charAt(++k));
        } else if (k + 2 < b.length() && b.charAt(k + 1) == '-') {
          for (char m = c; m <= b.charAt(k + 2); m++) {
            members.add(m);
          }
          k += 2;
        } else {
          members.add(c);
        }
      }
      if (!negated) {
        return members.get(random.nextInt(members.size()));
      }
      for (char m = 'a'; ; m++) {
        if (!members.contains(m)) {
          return m;
        }
      }
    }
  }
}
