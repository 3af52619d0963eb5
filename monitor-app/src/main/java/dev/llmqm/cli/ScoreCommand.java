package dev.llmqm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.json.AvroJson;
import dev.llmqm.schemas.json.JsonContractException;
import dev.llmqm.scoring.PiiType;
import dev.llmqm.scoring.ScoringConfig;
import dev.llmqm.scoring.ScoringInput;
import dev.llmqm.scoring.Tier1Scorer;
import dev.llmqm.scoring.Tier1Scores;
import dev.llmqm.topology.EventText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code score --input FILE.jsonl}: prints the tier-1 scores of every line. A line is a full
 * event in the JSON form (it has {@code event_id}) or the short form {@code {"id", "prompt",
 * "response", "context": [...]}}. A malformed line gives one error line on stderr (line number and
 * reason, never its text) and processing continues.
 */
public final class ScoreCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Tier1Scorer scorer;

  public ScoreCommand(ScoringConfig config) {
    this.scorer = new Tier1Scorer(config);
  }

  /** Returns the number of malformed lines. */
  public int run(BufferedReader in, PrintStream out, PrintStream err) throws IOException {
    int bad = 0;
    int lineNo = 0;
    String line;
    StringBuilder batch = new StringBuilder(1 << 16);
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) {
          throw new JsonContractException("$", "expected a JSON object");
        }
        batch.append(score(node)).append('\n');
      } catch (JsonContractException e) {
        bad++;
        err.println("line " + lineNo + ": " + e.getMessage());
      } catch (IOException e) {
        bad++;
        err.println("line " + lineNo + ": not valid JSON");
      }
      if (batch.length() > 60_000) {
        out.print(batch);
        batch.setLength(0);
      }
    }
    out.print(batch);
    out.flush();
    return bad;
  }

  String score(JsonNode node) {
    ScoringInput input;
    JsonNode id;
    if (node.has("event_id")) {
      LlmTraceEvent e = AvroJson.fromJson(node, LlmTraceEvent.class);
      input = new ScoringInput(e.getPrompt(), e.getResponse(), EventText.context(e), EventText.claimsRedacted(e));
      id = node.get("event_id");
    } else {
      id = node.get("id");
      input = new ScoringInput(text(node, "prompt"), text(node, "response"), context(node.get("context")), false);
    }
    Tier1Scores s = scorer.score(input);
    ObjectNode out = JSON.createObjectNode();
    out.set("id", id == null ? JSON.nullNode() : id);
    ObjectNode scores = out.putObject("scores");
    if (s.groundedness() == null) {
      scores.putNull("groundedness");
    } else {
      scores.put("groundedness", round(s.groundedness()));
    }
    scores.put("relevance", round(s.relevance()));
    scores.put("injection", round(s.injection()));
    scores.put("toxicity", round(s.toxicity()));
    ArrayNode pii = scores.putArray("pii");
    for (PiiType t : s.pii()) {
      pii.add(t.name());
    }
    scores.put("refusal", s.refusal().wireName());
    if (!s.failedChecks().isEmpty()) {
      ArrayNode failed = out.putArray("failed_checks"); // their scores above are neutral, not measured
      s.failedChecks().forEach(c -> failed.add(c.label()));
    }
    return out.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new JsonContractException("$." + field, "expected a string");
    }
    return v.asText();
  }

  private static List<String> context(JsonNode v) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (v.isTextual()) {
      return List.of(v.asText());
    }
    if (!v.isArray()) {
      throw new JsonContractException("$.context", "expected an array of strings");
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode c = v.get(i);
      if (c.isTextual()) {
        out.add(c.asText());
      } else if (c.isObject() && c.has("content") && c.get("content").isTextual()) {
        out.add(c.get("content").asText());
      } else if (!c.isNull()) {
        throw new JsonContractException("$.context[" + i + "]", "expected a string");
      }
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
