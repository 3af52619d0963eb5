package dev.llmqm.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Headers on records of the samples topic. */
public final class SamplingHeaders {
  private SamplingHeaders() {}

  /** Inclusion probability of the event in the sample (monitor sampling × producer sampling). */
  public static final String PROBABILITY = "llmqm.sample.probability";
  /** Why it was kept: rate, error, canary, flag. */
  public static final String REASON = "llmqm.sample.reason";

  static void put(Headers headers, double probability, String reason) {
    headers.remove(PROBABILITY);
    headers.remove(REASON);
    headers.add(PROBABILITY, Double.toString(probability).getBytes(StandardCharsets.UTF_8));
    headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
  }
}
