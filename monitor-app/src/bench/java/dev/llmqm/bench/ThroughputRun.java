package dev.llmqm.bench;

import dev.llmqm.MonitorConfig;
import dev.llmqm.MonitorTopology;
import dev.llmqm.embedded.EmbeddedKafka;
import dev.llmqm.embedded.TrafficGenerator;
import dev.llmqm.ingest.MonitorTopics;
import dev.llmqm.ingest.StreamsSettings;
import dev.llmqm.ingest.TopicSetup;
import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.registry.InMemorySchemaRegistry;
import dev.llmqm.schemas.serde.AvroWireSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * End-to-end throughput on this machine: an embedded broker holds N pre-produced events (about 1
 * KB each); first a minimal pass-through Streams app (bytes in, bytes out, same processing
 * guarantee) reads them all, then the monitor's full topology does. Prints both rates and their
 * ratio. Run with {@code ./mvnw -q -Pbench -DskipTests verify -Dbench.args=...} or directly with
 * the test classpath: {@code java -cp ... dev.llmqm.bench.ThroughputRun [events]}.
 */
public final class ThroughputRun {
  private ThroughputRun() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    String guarantee = args.length > 1 ? args[1] : "exactly_once_v2";
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      String scope = "throughput";
      Path state = Files.createTempDirectory("llmqm-throughput-");
      MonitorConfig config = MonitorConfig.fromMap(Map.of(
          "monitor.kafka.bootstrap.servers", kafka.bootstrapServers(),
          "monitor.schema.registry.url", "mock://" + scope,
          "monitor.state.dir", state.toString(),
          "monitor.processing.guarantee", guarantee,
          "monitor.stream.threads", "2",
          "monitor.topic.partitions", "2",
          "monitor.http.port", "0"));
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        TopicSetup.ensure(admin, config.topics().all(), 2);
        TopicSetup.ensure(admin, List.of("passthrough.out"), 2);
      }
      long produced = produce(config, n, scope);
      System.out.printf("produced %d events (%s)%n", produced, guarantee);

      double passRate = runPassThrough(config, n);
      double monitorRate = runMonitor(config, n);
      System.out.printf("pass-through: %.0f events/s%nmonitor:      %.0f events/s%nratio:        %.2f%n",
          passRate, monitorRate, monitorRate / passRate);
    }
  }

  private static long produce(MonitorConfig config, int n, String scope) {
    TrafficGenerator generator = new TrafficGenerator(7, 200, List.of());
    long t = 1_767_225_600_000L;
    long count = 0;
    try (KafkaProducer<String, LlmTraceEvent> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
        new StringSerializer(), new AvroWireSerializer<>(InMemorySchemaRegistry.forScope(scope), true, false))) {
      while (count < n) {
        for (LlmTraceEvent e : generator.between(t, t + 1000)) {
          if (count++ >= n) {
            break;
          }
          producer.send(new ProducerRecord<>(config.topics().traces(), e.getTraceId(), e));
        }
        t += 1000;
      }
    }
    return Math.min(count, n);
  }

  private static double runPassThrough(MonitorConfig config, int n) throws Exception {
    StreamsBuilder b = new StreamsBuilder();
    AtomicLong seen = new AtomicLong();
    b.stream(config.topics().traces(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .peek((k, v) -> seen.incrementAndGet())
        .to("passthrough.out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "passthrough-" + System.nanoTime());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().resolve("passthrough").toString());
    p.put("consumer.auto.offset.reset", "earliest");
    return time(new KafkaStreams(b.build(), p), seen, n);
  }

  private static double runMonitor(MonitorConfig config, int n) throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MonitorMetrics metrics = new MonitorMetrics(registry);
    Properties p = StreamsSettings.of(config, metrics);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitor-" + System.nanoTime());
    p.put("consumer.auto.offset.reset", "earliest");
    AtomicLong seen = new AtomicLong();
    KafkaStreams streams = new KafkaStreams(MonitorTopology.build(config, MonitorTopics.of(config), metrics), p);
    Thread poll = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        seen.set((long) registry.find("llm.events").counters().stream().mapToDouble(c -> c.count()).sum());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    poll.setDaemon(true);
    poll.start();
    try {
      return time(streams, seen, n);
    } finally {
      poll.interrupt();
    }
  }

  private static double time(KafkaStreams streams, AtomicLong seen, int n) throws InterruptedException {
    long start = 0;
    streams.start();
    try {
      long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
      while (seen.get() == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      start = System.nanoTime();
      long firstSeen = seen.get();
      while (seen.get() < n && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return (seen.get() - firstSeen) / seconds;
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
  }
}
