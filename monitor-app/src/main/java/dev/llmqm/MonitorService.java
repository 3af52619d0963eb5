package dev.llmqm;

import dev.llmqm.http.MonitorHttpServer;
import dev.llmqm.ingest.MonitorTopics;
import dev.llmqm.ingest.StreamsSettings;
import dev.llmqm.ingest.TopicSetup;
import dev.llmqm.metrics.MonitorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: Kafka Streams, the metrics registry and the HTTP server. */
public final class MonitorService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MonitorService.class);

  private final PrometheusMeterRegistry registry;
  private final MonitorMetrics metrics;
  private final KafkaStreams streams;
  private final MonitorHttpServer http;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean failed;

  private MonitorService(PrometheusMeterRegistry registry, MonitorMetrics metrics, KafkaStreams streams, MonitorHttpServer http) {
    this.registry = registry;
    this.metrics = metrics;
    this.streams = streams;
    this.http = http;
  }

  /** Creates missing topics (if configured), builds the topology and starts everything. */
  public static MonitorService start(MonitorConfig config) throws Exception {
    LOG.info("Effective configuration:\n{}", config.describe());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MonitorMetrics metrics = new MonitorMetrics(registry);
    if (config.createTopics()) {
      Properties admin = new Properties();
      admin.putAll(config.kafkaClient());
      admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
      try (Admin a = Admin.create(admin)) {
        List<String> created = TopicSetup.ensure(a, config.topics().all(), config.topicPartitions());
        if (!created.isEmpty()) {
          LOG.info("Created topics {}", created);
        }
      }
    }
    Topology topology = MonitorTopology.build(config, MonitorTopics.of(config), metrics);
    LOG.debug("Topology:\n{}", topology.describe());
    KafkaStreams streams = new KafkaStreams(topology, StreamsSettings.of(config, metrics));
    MonitorHttpServer http = new MonitorHttpServer(config.httpHost(), config.httpPort(), registry,
        () -> streams.state() == KafkaStreams.State.RUNNING);
    MonitorService service = new MonitorService(registry, metrics, streams, http);
    streams.setStateListener((now, before) -> {
      metrics.streamsRunning(now == KafkaStreams.State.RUNNING);
      LOG.info("Kafka Streams {} -> {}", before, now);
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
        service.stopped.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("Unrecoverable error in the stream thread; shutting the client down", e);
      service.failed = true;
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    metrics.consumerLag(() -> maxLag(streams.metrics()));
    streams.start();
    LOG.info("Monitor started; HTTP on {}:{}", config.httpHost(), http.port());
    return service;
  }

  static double maxLag(Map<MetricName, ? extends Metric> all) {
    double max = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : all.entrySet()) {
      MetricName n = e.getKey();
      if (n.name().equals("records-lag") && n.group().equals("consumer-fetch-manager-metrics")
          && !n.tags().getOrDefault("topic", "").contains("-repartition")) {
        Object v = e.getValue().metricValue();
        if (v instanceof Number num && Double.isFinite(num.doubleValue())) {
          max = Math.max(max, num.doubleValue());
        }
      }
    }
    return max;
  }

  public int httpPort() {
    return http.port();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public MonitorMetrics metrics() {
    return metrics;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Blocks until Streams stops; true when it stopped because of an error. */
  public boolean awaitStop() throws InterruptedException {
    stopped.await();
    return failed || streams.state() == KafkaStreams.State.ERROR;
  }

  @Override
  public void close() {
    try {
      streams.close(Duration.ofSeconds(30));
    } finally {
      http.close();
      stopped.countDown();
    }
  }
}
