package dev.llmqm.ingest;

import dev.llmqm.metrics.MonitorMetrics.DlqReason;

/**
 * Why an event is invalid. The detail names fields and numbers only, never event text, so it is
 * safe in logs and DLQ headers.
 */
public record Violation(DlqReason reason, String detail) {}
