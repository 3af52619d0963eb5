package dev.llmqm.topology;

import dev.llmqm.schemas.ContentMode;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.RetrievedChunk;
import java.util.ArrayList;
import java.util.List;

/** Reading and removing the free text of an event. */
public final class EventText {
  private EventText() {}

  /** Whether the producer claims the text was redacted. */
  public static boolean claimsRedacted(LlmTraceEvent e) {
    return e.getContentMode() == ContentMode.REDACTED
        || (e.getRedaction() != null && e.getRedaction().getApplied());
  }

  /** The retrieved chunks' contents, skipping empty ones. */
  public static List<String> context(LlmTraceEvent e) {
    List<RetrievedChunk> chunks = e.getRetrievedContext();
    if (chunks.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(chunks.size());
    for (RetrievedChunk c : chunks) {
      if (c.getContent() != null && !c.getContent().isEmpty()) {
        out.add(c.getContent());
      }
    }
    return out;
  }

  /** A copy without prompt, response and context contents (ids, sizes and metadata stay). */
  public static LlmTraceEvent withoutText(LlmTraceEvent e) {
    LlmTraceEvent copy = LlmTraceEvent.newBuilder(e).build();
    copy.setPrompt(null);
    copy.setResponse(null);
    List<RetrievedChunk> chunks = new ArrayList<>(e.getRetrievedContext().size());
    for (RetrievedChunk c : e.getRetrievedContext()) {
      chunks.add(new RetrievedChunk(c.getDocId(), null, c.getScore()));
    }
    copy.setRetrievedContext(chunks);
    return copy;
  }
}
