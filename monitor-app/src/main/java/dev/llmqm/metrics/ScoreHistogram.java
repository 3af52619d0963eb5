package dev.llmqm.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;

/**
 * A histogram of scores in [0, 1] with fixed buckets. Micrometer's fixed-boundary histograms round
 * recorded values up to whole numbers, which puts every score in the 1.0 bucket; so on a Prometheus
 * registry the histogram is registered directly with the Prometheus client beneath it (same
 * registry, same scrape), and elsewhere (tests, replay) a plain distribution summary keeps count and
 * sum.
 */
public interface ScoreHistogram {
  void observe(double value);

  /** All series of one histogram name. */
  interface Family {
    ScoreHistogram forSegment(SegmentLabels labels);
  }

  static Family family(MeterRegistry registry, String name, String help, double[] buckets) {
    if (registry instanceof PrometheusMeterRegistry prometheus) {
      Histogram histogram = Histogram.builder()
          .name(name.replace('.', '_'))
          .help(help)
          .labelNames(MetricNames.SEGMENT_TAGS.toArray(String[]::new))
          .classicOnly()
          .withoutExemplars()
          .classicUpperBounds(buckets)
          .register(prometheus.getPrometheusRegistry());
      return labels -> {
        DistributionDataPoint point = histogram.labelValues(
            labels.service(), labels.feature(), labels.model(), labels.promptVersion(), labels.variant(), labels.tenant());
        return point::observe;
      };
    }
    return labels -> {
      DistributionSummary summary = DistributionSummary.builder(name).description(help).tags(labels.tags()).register(registry);
      return summary::record;
    };
  }
}
