package dev.llmqm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class MonitorMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MonitorMetrics metrics = new MonitorMetrics(registry);
  private final SegmentLabels labels = new SegmentLabels("svc", null, "gpt-4o-mini", "v1", null, "acme");

  @Test
  void shouldBucketFractionalScores() {
    var m = metrics.segment(labels);
    m.scores(0.05, 0.9);
    m.scores(0.3, 0.9);
    m.scores(0.45, 0.9);
    m.scores(0.95, null);

    String scrape = registry.scrape();

    assertThat(scrape).contains(bucket("llm_groundedness_bucket", "0.1") + " 1");
    assertThat(scrape).contains(bucket("llm_groundedness_bucket", "0.5") + " 3");
    assertThat(scrape).contains(bucket("llm_groundedness_bucket", "1.0") + " 4");
    assertThat(scrape).contains("llm_groundedness_count{feature=\"none\",model=\"gpt-4o-mini\",prompt_version=\"v1\",service=\"svc\",tenant=\"acme\",variant=\"none\"} 4");
  }

  @Test
  void shouldRecordLatencyInSecondsWithFixedBuckets() {
    metrics.segment(labels).request(false, 1500, 300.0);

    String scrape = registry.scrape();

    assertThat(scrape).contains(bucket("llm_request_latency_seconds_bucket", "1.0") + " 0");
    assertThat(scrape).contains(bucket("llm_request_latency_seconds_bucket", "2.0") + " 1");
    assertThat(scrape).contains(bucket("llm_ttft_seconds_bucket", "0.5") + " 1");
  }

  @Test
  void shouldCountRequestsFlagsRefusalsAndUsagePerSegment() {
    var m = metrics.segment(labels);
    m.request(true, 100, null);
    m.flags(true, false, true, true);
    m.refusal("partial");
    m.usage(100L, 20L, 0.5);

    assertThat(registry.get("llm.requests").tag("status", "error").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("llm.safety.flags").tag("flag", "pii").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("llm.safety.flags").tag("flag", "injection").counter().count()).isZero();
    assertThat(registry.get("llm.safety.flags").tag("flag", "redaction_failure").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("llm.refusals").tag("refusal", "partial").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("llm.tokens").tag("direction", "input").counter().count()).isEqualTo(100.0);
    assertThat(registry.get("llm.cost.usd").counter().count()).isEqualTo(0.5);
    assertThat(metrics.segment(labels)).isSameAs(m);
  }

  private static String bucket(String name, String le) {
    return name + "{feature=\"none\",model=\"gpt-4o-mini\",prompt_version=\"v1\",service=\"svc\",tenant=\"acme\",variant=\"none\",le=\"" + le + "\"}";
  }
}
