package dev.llmqm.ingest;

import dev.llmqm.schemas.LlmTraceEvent;

/** An event with its validation verdict; {@code violation} is null when valid. */
public record Checked(LlmTraceEvent event, Violation violation) {
  public boolean valid() {
    return violation == null;
  }
}
