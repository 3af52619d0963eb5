package dev.llmqm.scoring;

import java.util.List;

/**
 * The text of one LLM call as seen by the tier-1 scorers. Every field may be {@code null} or empty; all text is
 * treated as untrusted.
 *
 * @param prompt the user prompt (or the last user turn)
 * @param response the model response
 * @param context retrieved context chunks or tool outputs, scanned for indirect injection and used for
 *     groundedness
 * @param claimsRedacted true when the event claims its text has been redacted; the prompt is then scanned for
 *     PII as well, and any hit is a redaction failure
 */
public record ScoringInput(String prompt, String response, List<String> context, boolean claimsRedacted) {

  /** Shorthand for an input without context that does not claim redaction. */
  public static ScoringInput of(String prompt, String response) {
    return new ScoringInput(prompt, response, List.of(), false);
  }
}
