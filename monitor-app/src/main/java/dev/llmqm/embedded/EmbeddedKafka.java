package dev.llmqm.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (combined KRaft broker and controller) inside this JVM, on
 * loopback, with its data in a temporary directory that {@link #close()} removes. Used by {@code
 * demo}; production runs against an external cluster.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final Path dataDir;
  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private EmbeddedKafka(Path dataDir, KafkaRaftServer server, String bootstrapServers) {
    this.dataDir = dataDir;
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker; returns once it accepts clients. Retries on port clashes. */
  public static EmbeddedKafka start() throws Exception {
    RetriedAppendFilter.install();
    Exception last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      Path dir = Files.createTempDirectory("llmqm-kafka-");
      try {
        return startOnce(dir);
      } catch (Exception e) {
        deleteRecursively(dir);
        if (!(rootCause(e) instanceof BindException)) {
          throw e;
        }
        last = e;
        LOG.info("Port taken while starting the embedded broker; retrying");
      }
    }
    throw last;
  }

  private static EmbeddedKafka startOnce(Path dir) throws Exception {
    int brokerPort = freePort();
    int controllerPort = freePort();
    Path logDir = dir.resolve("kraft-combined-logs");
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("auto.create.topics.enable", "false");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.cleaner.dedupe.buffer.size", "2097152");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    // The demo runs event time ahead of the wall clock; let the broker accept future record timestamps.
    p.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
    KafkaConfig config = KafkaConfig.fromProps(p, false);

    Formatter formatter = new Formatter()
        .setNodeId(1)
        .setClusterId(Uuid.randomUuid().toString())
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(logDir.toString())
        .setHasDynamicQuorum(true)
        .setInitialControllers(StorageTool.createStandaloneDynamicVoters(config))
        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .addDirectory(logDir.toString());
    formatter.run();

    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (Exception e) {
      server.shutdown();
      server.awaitShutdown();
      throw e;
    }
    return new EmbeddedKafka(dir, server, "127.0.0.1:" + brokerPort);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      deleteRecursively(dataDir);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // best effort
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
