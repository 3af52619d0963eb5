package dev.llmqm.window;

import java.util.List;

/**
 * One event's facts after scoring: everything a {@link PaneAggregate} needs, and no text.
 *
 * @param traceId trace id, used only for exemplars
 * @param endTimeMs event time (the event's {@code end_time}), epoch milliseconds
 * @param latencyMs end time minus start time
 * @param ttftMs time to first token, null when not streamed or unknown
 * @param error true when {@code status} is ERROR
 * @param finishReasons the event's finish reasons (null or empty allowed)
 * @param inputTokens input tokens including cached ones (null = unknown)
 * @param outputTokens output tokens (null = unknown)
 * @param cacheReadInputTokens the part of the input read from the provider's prompt cache
 * @param costUsd cost as computed by the application; null = price it from the {@link PriceCatalog}
 * @param providerName provider, e.g. {@code openai}
 * @param requestModel requested model, e.g. {@code gpt-4o-2024-08-06}
 * @param producerSampleRate the application's own head-sampling rate in (0, 1]; events are
 *     re-weighted by its inverse
 * @param pii tier-1 PII leakage hit
 * @param injection tier-1 prompt-injection hit
 * @param toxic tier-1 toxicity hit
 * @param redactionFailure PII found in an event that claims to be redacted
 * @param refusal {@code none}, {@code partial} or {@code full}; null when not scored
 * @param groundedness score in [0, 1], null when not scored (e.g. no context)
 * @param relevance score in [0, 1], null when not scored
 */
public record ScoredEvent(
    String traceId,
    long endTimeMs,
    long latencyMs,
    Double ttftMs,
    boolean error,
    List<String> finishReasons,
    Long inputTokens,
    Long outputTokens,
    Long cacheReadInputTokens,
    Double costUsd,
    String providerName,
    String requestModel,
    double producerSampleRate,
    boolean pii,
    boolean injection,
    boolean toxic,
    boolean redactionFailure,
    String refusal,
    Double groundedness,
    Double relevance) {}
