package dev.llmqm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evaluates {@link GroundednessScorer} on the HaluEval QA dev split in {@code shared/data}.
 *
 * <p>Metrics (grounded = positive class, higher score = more grounded):
 *
 * <ul>
 *   <li>AUROC of the groundedness score over all rows (ties count one half);
 *   <li>AUROC of a length-only baseline, minus the response's word count, to show the length confound;
 *   <li>length-matched pair accuracy: over every pair of one grounded and one hallucinated response to the
 *       same question (same id prefix before {@code -right}/{@code -hN}) whose whitespace-separated word counts
 *       {@code a <= b} satisfy {@code b - a <= 2} or {@code b <= 1.5 a}, the share of pairs where the grounded
 *       response scores higher (ties count one half). Length cannot separate these pairs.
 * </ul>
 */
class HaluEvalGroundednessTest {

  private static final String DATA = "shared/data/halueval-qa-dev.jsonl";

  record Row(String question, boolean grounded, double score, int words) {}

  @Test
  void shouldSeparateGroundedFromHallucinatedAnswersBeyondLength() throws IOException {
    Path file = locate();
    GroundednessScorer scorer = new GroundednessScorer();
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      List<String> context = new ArrayList<>();
      n.get("context").forEach(c -> context.add(c.asText()));
      String response = n.get("response").asText();
      Double score = scorer.score(n.get("prompt").asText(), response, context);
      assertThat(score).as(n.get("id").asText()).isNotNull().isBetween(0.0, 1.0);
      String id = n.get("id").asText();
      rows.add(new Row(id.substring(0, id.lastIndexOf('-')), "grounded".equals(n.get("label").asText()),
          score, words(response)));
    }

    double auroc = auroc(rows, false);
    double lengthAuroc = auroc(rows, true);
    Map<String, List<Row>> byQuestion = new LinkedHashMap<>();
    rows.forEach(r -> byQuestion.computeIfAbsent(r.question, k -> new ArrayList<>()).add(r));
    int pairs = 0;
    double wins = 0;
    for (List<Row> group : byQuestion.values()) {
      for (Row g : group) {
        for (Row h : group) {
          if (g.grounded && !h.grounded && lengthMatched(g.words, h.words)) {
            pairs++;
            wins += g.score > h.score ? 1 : g.score == h.score ? 0.5 : 0;
          }
        }
      }
    }
    double pairAccuracy = wins / pairs;
    System.out.printf(
        "HaluEval QA dev: rows=%d AUROC=%.3f length-only AUROC=%.3f length-matched pairs=%d"
            + " pair accuracy=%.3f%n",
        rows.size(), auroc, lengthAuroc, pairs, pairAccuracy);

    assertThat(rows).hasSizeGreaterThan(500);
    assertThat(pairs).isGreaterThanOrEqualTo(30);
    assertThat(auroc).isGreaterThanOrEqualTo(0.90);
    assertThat(pairAccuracy).isGreaterThanOrEqualTo(0.80);
  }

  static boolean lengthMatched(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return hi - lo <= 2 || hi <= 1.5 * lo;
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static double auroc(List<Row> rows, boolean lengthOnly) {
    double wins = 0;
    long n = 0;
    for (Row p : rows) {
      if (!p.grounded) {
        continue;
      }
      for (Row q : rows) {
        if (q.grounded) {
          continue;
        }
        double a = lengthOnly ? -p.words : p.score;
        double b = lengthOnly ? -q.words : q.score;
        wins += a > b ? 1 : a == b ? 0.5 : 0;
        n++;
      }
    }
    return wins / n;
  }

  private static Path locate() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve(DATA);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return fail("HaluEval data set not found: looked for " + DATA + " in " + dir + " and every parent"
        + " directory (expected ../../shared/data/halueval-qa-dev.jsonl relative to monitor-app)");
  }
}
