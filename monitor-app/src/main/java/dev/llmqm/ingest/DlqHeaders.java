package dev.llmqm.ingest;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Header names on records the monitor writes to the dead-letter topic. */
public final class DlqHeaders {
  private DlqHeaders() {}

  /** Reason code, e.g. {@code missing_field}. */
  public static final String REASON = "llmqm.dlq.reason";
  /** Human-readable detail; names fields and numbers only, never event text. */
  public static final String DETAIL = "llmqm.dlq.detail";
  /** Topic, partition and offset the event was read from. */
  public static final String SOURCE_TOPIC = "llmqm.dlq.source.topic";
  public static final String SOURCE_PARTITION = "llmqm.dlq.source.partition";
  public static final String SOURCE_OFFSET = "llmqm.dlq.source.offset";

  static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
