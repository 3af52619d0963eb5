package dev.llmqm.ingest;

import dev.llmqm.metrics.MonitorMetrics.DlqReason;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.RetrievedChunk;
import java.util.List;
import java.util.Optional;

/**
 * Checks the parts of the event contract Avro cannot express: required strings are not blank,
 * {@code end_time >= start_time}, usage and cost are non-negative, the sample rate is in (0, 1],
 * and text sizes are bounded. Pure and thread-safe.
 */
public final class EventValidator {
  private final int maxFieldChars;
  private final int maxContextChunks;
  private final long maxFutureSkewMs;

  public EventValidator(int maxFieldChars, int maxContextChunks, long maxFutureSkewMs) {
    this.maxFieldChars = maxFieldChars;
    this.maxContextChunks = maxContextChunks;
    this.maxFutureSkewMs = maxFutureSkewMs;
  }

  /** As {@link #validate(LlmTraceEvent, long)} without a record timestamp to check against. */
  public Optional<Violation> validate(LlmTraceEvent e) {
    return validate(e, -1);
  }

  /**
   * The first problem found, or empty when the event is valid. {@code recordTimestamp} (negative
   * when unknown) bounds how far in the future {@code end_time} may be.
   */
  public Optional<Violation> validate(LlmTraceEvent e, long recordTimestamp) {
    String missing =
        firstBlank(
            e.getEventId(), "event_id", e.getTraceId(), "trace_id", e.getServiceName(), "service_name",
            e.getEnvironment(), "environment", e.getOperationName(), "operation_name",
            e.getProviderName(), "provider_name", e.getRequestModel(), "request_model",
            e.getTenantId(), "tenant_id");
    if (missing != null) {
      return fail(DlqReason.MISSING_FIELD, missing + " is empty");
    }
    if (e.getStartTime() == null || e.getEndTime() == null) {
      return fail(DlqReason.MISSING_FIELD, "start_time and end_time are required");
    }
    long start = e.getStartTime().toEpochMilli();
    long end = e.getEndTime().toEpochMilli();
    if (start <= 0 || end <= 0) {
      return fail(DlqReason.INVALID_TIME, "start_time and end_time must be positive epoch millis");
    }
    if (end < start) {
      return fail(DlqReason.INVALID_TIME, "end_time is " + (start - end) + " ms before start_time");
    }
    if (recordTimestamp >= 0 && end - recordTimestamp > maxFutureSkewMs) {
      return fail(DlqReason.INVALID_TIME, "end_time is " + (end - recordTimestamp)
          + " ms ahead of the record timestamp, limit " + maxFutureSkewMs);
    }
    if (e.getTtftMs() != null && (!Double.isFinite(e.getTtftMs()) || e.getTtftMs() < 0)) {
      return fail(DlqReason.INVALID_TIME, "ttft_ms must be a non-negative number");
    }
    if (negative(e.getInputTokens()) || negative(e.getOutputTokens())
        || negative(e.getCacheReadInputTokens()) || negative(e.getReasoningOutputTokens())) {
      return fail(DlqReason.INVALID_USAGE, "token counts must not be negative");
    }
    if (e.getCostUsd() != null && (!Double.isFinite(e.getCostUsd()) || e.getCostUsd() < 0)) {
      return fail(DlqReason.INVALID_USAGE, "cost_usd must be a non-negative number");
    }
    double rate = e.getProducerSampleRate();
    if (!(rate > 0 && rate <= 1)) {
      return fail(DlqReason.INVALID_USAGE, "producer_sample_rate must be in (0, 1], was " + rate);
    }
    if (tooLong(e.getPrompt())) {
      return fail(DlqReason.TEXT_TOO_LARGE, "prompt has " + e.getPrompt().length() + " chars, limit " + maxFieldChars);
    }
    if (tooLong(e.getResponse())) {
      return fail(DlqReason.TEXT_TOO_LARGE, "response has " + e.getResponse().length() + " chars, limit " + maxFieldChars);
    }
    List<RetrievedChunk> context = e.getRetrievedContext();
    if (context.size() > maxContextChunks) {
      return fail(DlqReason.TEXT_TOO_LARGE, "retrieved_context has " + context.size() + " chunks, limit " + maxContextChunks);
    }
    for (int i = 0; i < context.size(); i++) {
      RetrievedChunk chunk = context.get(i);
      if (chunk.getDocId() == null || chunk.getDocId().isBlank()) {
        return fail(DlqReason.MISSING_FIELD, "retrieved_context[" + i + "].doc_id is empty");
      }
      if (tooLong(chunk.getContent())) {
        return fail(DlqReason.TEXT_TOO_LARGE, "retrieved_context[" + i + "].content has "
            + chunk.getContent().length() + " chars, limit " + maxFieldChars);
      }
    }
    return Optional.empty();
  }

  private boolean tooLong(String s) {
    return s != null && s.length() > maxFieldChars;
  }

  private static boolean negative(Long v) {
    return v != null && v < 0;
  }

  private static String firstBlank(String... valueThenName) {
    for (int i = 0; i < valueThenName.length; i += 2) {
      if (valueThenName[i] == null || valueThenName[i].isBlank()) {
        return valueThenName[i + 1];
      }
    }
    return null;
  }

  private static Optional<Violation> fail(DlqReason reason, String detail) {
    return Optional.of(new Violation(reason, detail));
  }
}
