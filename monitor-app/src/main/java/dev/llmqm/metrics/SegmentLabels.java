package dev.llmqm.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

/**
 * Label values of one segment, already bounded by the cardinality budgets. Missing values are
 * {@code "none"}; values folded by a budget are {@code "other"}.
 */
public record SegmentLabels(
    String service, String feature, String model, String promptVersion, String variant, String tenant) {

  public static final String NONE = "none";

  public SegmentLabels {
    service = orNone(service);
    feature = orNone(feature);
    model = orNone(model);
    promptVersion = orNone(promptVersion);
    variant = orNone(variant);
    tenant = orNone(tenant);
  }

  public Tags tags() {
    return Tags.of(
        Tag.of(MetricNames.TAG_SERVICE, service),
        Tag.of(MetricNames.TAG_FEATURE, feature),
        Tag.of(MetricNames.TAG_MODEL, model),
        Tag.of(MetricNames.TAG_PROMPT_VERSION, promptVersion),
        Tag.of(MetricNames.TAG_VARIANT, variant),
        Tag.of(MetricNames.TAG_TENANT, tenant));
  }

  private static String orNone(String v) {
    return v == null || v.isEmpty() ? NONE : v;
  }
}
