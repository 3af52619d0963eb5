package dev.llmqm.scoring;

/** Whether a response declines the request: not at all, with hedges before an answer, or entirely. */
public enum RefusalLabel {
  /** The response answers without declining. */
  NONE("none"),
  /** The response hedges or disclaims, then answers substantively. */
  PARTIAL("partial"),
  /** The response declines and gives no substantive answer (at most a redirect). */
  FULL("full");

  private final String wireName;

  RefusalLabel(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used on the wire and in metric tags: {@code none}, {@code partial}, {@code full}. */
  public String wireName() {
    return wireName;
  }
}
