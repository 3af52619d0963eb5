package dev.llmqm.window;

import java.util.List;

/**
 * One event's facts after scoring: everything a pane needs, no text.
 *
 * @param costUsd as reported by the application, or null to price it from the catalog
 * @param refusal {@code none}, {@code partial} or {@code full}
 */
public record ScoredEvent(
    String traceId, long endTimeMs, long latencyMs, Double ttftMs,
    boolean error, List<String> finishReasons,
    Long inputTokens, Long outputTokens, Long cacheReadInputTokens, Double costUsd,
    String providerName, String requestModel, double producerSampleRate,
    boolean pii, boolean injection, boolean toxic, boolean redactionFailure,
    String refusal, Double groundedness, Double relevance) {}
