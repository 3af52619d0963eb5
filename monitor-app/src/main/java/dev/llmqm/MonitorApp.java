package dev.llmqm;

import dev.llmqm.cli.Args;
import dev.llmqm.cli.Args.UsageException;
import dev.llmqm.embedded.DemoTraffic;
import dev.llmqm.embedded.EmbeddedKafka;
import dev.llmqm.embedded.Regression;
import dev.llmqm.embedded.TrafficGenerator;
import dev.llmqm.ingest.TopicSetup;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.json.AvroJson;
import dev.llmqm.schemas.serde.AvroWireSerializer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: {@code java -jar monitor-app.jar <command> [options]}. */
public final class MonitorApp {
  private static final Logger LOG = LoggerFactory.getLogger(MonitorApp.class);

  static final String USAGE = String.join("\n",
      "usage: java -jar monitor-app.jar <command> [options]",
      "",
      "commands:",
      "  run      [--config FILE]    the service: reads llm.traces.v1 from Kafka (settings: file, MONITOR_*, KAFKA_*)",
      "  demo     [--port N] [--speed X] [--rate N]",
      "                              embedded Kafka broker + in-memory registry + monitor + synthetic traffic",
      "  generate [--rate N] [--speed X] [--minutes M] [--out FILE.jsonl] [--seed S] [--config FILE]",
      "                              synthetic traffic to Kafka (settings as for run) or, with --out, to a JSON-lines file",
      "  score    --input FILE.jsonl  tier-1 scores of each line (full events or {id, prompt, response, context}) as JSON lines",
      "  replay   --input FILE.jsonl [--aggregates-out AGG.jsonl] [--alerts-out ALERTS.jsonl] [--config FILE]",
      "                              the monitor's topology offline in event time; closed panes and alerts as JSON lines",
      "  help                        this text",
      "");

  private MonitorApp() {}

  public static void main(String[] argv) {
    System.exit(run(argv, System.out, System.err, System.getenv()));
  }

  static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) {
    if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
      out.print(USAGE);
      return argv.length == 0 ? 2 : 0;
    }
    List<String> rest = Arrays.asList(argv).subList(1, argv.length);
    try {
      return switch (argv[0]) {
        case "run" -> runService(new Args(rest, Set.of("config")), env);
        case "demo" -> demo(new Args(rest, Set.of("port", "speed", "rate")), out, env);
        case "score" -> score(new Args(rest, Set.of("input", "config")), out, err, env);
        case "replay" -> replay(new Args(rest, Set.of("input", "aggregates-out", "alerts-out", "config")), err, env);
        case "generate" -> generate(new Args(rest, Set.of("rate", "speed", "minutes", "out", "seed", "config")), out, env);
        default -> throw new UsageException("unknown command '" + argv[0] + "'");
      };
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    } catch (Exception e) {
      LOG.error("Failed: {}", e.toString(), e);
      return 1;
    }
  }

  static MonitorConfig loadConfig(Args args, Map<String, String> env) {
    String file = args.get("config");
    if (file == null) {
      file = env.get("MONITOR_CONFIG_FILE");
    }
    return MonitorConfig.load(file == null ? null : Path.of(file), env);
  }

  private static int runService(Args args, Map<String, String> env) throws Exception {
    MonitorConfig config = loadConfig(args, env);
    MonitorService service = MonitorService.start(config);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Shutting down");
      service.close();
      closed.countDown();
    }, "monitor-shutdown"));
    boolean failed = service.awaitStop();
    closed.await(java.util.concurrent.TimeUnit.SECONDS.toMillis(35), java.util.concurrent.TimeUnit.MILLISECONDS);
    return failed ? 1 : 0;
  }

  private static int score(Args args, PrintStream out, PrintStream err, Map<String, String> env) throws IOException {
    Path input = Path.of(args.require("input"));
    MonitorConfig config = loadConfig(args, env);
    var command = new dev.llmqm.cli.ScoreCommand(
        new dev.llmqm.scoring.ScoringConfig(config.scoringMaxFieldChars(), config.scoringMaxAnalysedChars(),
            config.phoneRegions()));
    try (var in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      int bad = command.run(in, out, err);
      if (bad > 0) {
        err.println(bad + " malformed line(s) skipped");
      }
    }
    return 0;
  }

  private static int replay(Args args, PrintStream err, Map<String, String> env) throws IOException {
    Path input = Path.of(args.require("input"));
    String agg = args.get("aggregates-out");
    String alerts = args.get("alerts-out");
    MonitorConfig config = loadConfig(args, env);
    long t0 = System.nanoTime();
    var result = new dev.llmqm.cli.ReplayCommand(config).run(input,
        agg == null ? null : Path.of(agg), alerts == null ? null : Path.of(alerts), err);
    err.printf("replayed %d events (%d malformed lines, %.0f invalid, %.0f late) in %.1f s: %d aggregates, %d alerts%n",
        result.events(), result.malformed(), result.deadLettered(), result.lateEvents(), (System.nanoTime() - t0) / 1e9,
        result.aggregates(), result.alerts());
    return 0;
  }

  /** The regressions the demo scripts so the detectors have something to find on screen. */
  static List<Regression> demoRegressions(long start) {
    long t = start + 12 * 60_000L;
    return List.of(
        new Regression(Regression.Kind.UNGROUNDED, t, 0.6, "support-bot", null, "v7", "canary", null),
        new Regression(Regression.Kind.LATENCY, t, 3.0, "search-assistant", "gemini-2.5-flash", null, null, null));
  }

  private static int demo(Args args, PrintStream out, Map<String, String> env) throws Exception {
    long t0 = System.nanoTime();
    double speed = args.number("speed", 10);
    double rate = args.number("rate", 25);
    Map<String, String> overrides = new HashMap<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().startsWith("MONITOR_") && !e.getKey().equals("MONITOR_CONFIG_FILE")
          && !e.getKey().startsWith("MONITOR_LOG_")) {
        overrides.put(e.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', '.'), e.getValue());
      }
    }
    if (args.get("port") != null) {
      overrides.put("monitor.http.port", args.get("port"));
    }
    Path stateDir = Files.createTempDirectory("llmqm-demo-state-");
    out.println("Starting the embedded Kafka broker ...");
    EmbeddedKafka kafka = EmbeddedKafka.start();
    overrides.put("monitor.kafka.bootstrap.servers", kafka.bootstrapServers());
    overrides.put("monitor.schema.registry.url", "mock://demo");
    overrides.put("monitor.state.dir", stateDir.toString());
    overrides.putIfAbsent("monitor.stream.threads", "1");
    overrides.putIfAbsent("monitor.topic.partitions", "2");
    MonitorConfig config = MonitorConfig.fromMap(overrides);
    MonitorService service;
    try {
      service = MonitorService.start(config);
    } catch (Exception e) {
      kafka.close();
      throw e;
    }
    KafkaProducer<String, LlmTraceEvent> producer = producer(config);
    long start = System.currentTimeMillis();
    DemoTraffic traffic = new DemoTraffic(new TrafficGenerator(42, rate, demoRegressions(start)), speed, start,
        e -> producer.send(record(config, e))).start();
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      traffic.close();
      producer.close(java.time.Duration.ofSeconds(5));
      service.close();
      kafka.close();
      dev.llmqm.embedded.DemoFiles.deleteRecursively(stateDir);
      closed.countDown();
    }, "demo-shutdown"));
    String host = "localhost";
    out.printf("%nLLM Quality Monitor demo (broker %s, in-memory schema registry, traffic %.0f events/s of event time at %.0fx)%n",
        kafka.bootstrapServers(), rate, speed);
    out.printf("  metrics:   http://%s:%d/metrics%n", host, service.httpPort());
    out.printf("  readiness: http://%s:%d/health/ready%n", host, service.httpPort());
    out.printf("  liveness:  http://%s:%d/health/live%n", host, service.httpPort());
    out.printf("Scripted regressions start after 12 minutes of event time (about %.0f s): ungrounded answers in support-bot v7 canary, latency x3 on search-assistant gemini-2.5-flash.%n",
        12 * 60 / speed);
    out.println("Press Ctrl-C to stop.");
    long readyBy = System.currentTimeMillis() + 60_000;
    while (service.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING && System.currentTimeMillis() < readyBy) {
      Thread.sleep(100);
    }
    out.printf("Ready after %.1f s (Kafka Streams %s).%n", (System.nanoTime() - t0) / 1e9, service.state());
    boolean failed = service.awaitStop();
    closed.await(40, java.util.concurrent.TimeUnit.SECONDS);
    return failed ? 1 : 0;
  }

  private static int generate(Args args, PrintStream out, Map<String, String> env) throws Exception {
    double rate = args.number("rate", 25);
    double speed = args.number("speed", 1);
    long seed = (long) args.number("seed", 42);
    String file = args.get("out");
    long start = System.currentTimeMillis();
    TrafficGenerator generator = new TrafficGenerator(seed, rate, List.of());
    if (file != null) {
      double minutes = args.number("minutes", 60);
      long from = args.get("seed") == null ? start - (long) (minutes * 60_000) : 1_767_225_600_000L;
      long count = 0;
      try (BufferedWriter w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
        for (long t = from; t < from + minutes * 60_000; t += 1000) {
          for (LlmTraceEvent e : generator.between(t, t + 1000)) {
            w.write(AvroJson.toJsonString(e));
            w.newLine();
            count++;
          }
        }
      }
      out.printf("Wrote %d events to %s%n", count, file);
      return 0;
    }
    MonitorConfig config = loadConfig(args, env);
    if (config.createTopics()) {
      Properties p = new Properties();
      p.putAll(config.kafkaClient());
      p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
      try (Admin admin = Admin.create(p)) {
        TopicSetup.ensure(admin, List.of(config.topics().traces()), config.topicPartitions());
      }
    }
    KafkaProducer<String, LlmTraceEvent> producer = producer(config);
    DemoTraffic traffic = new DemoTraffic(generator, speed, start, e -> producer.send(record(config, e))).start();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      traffic.close();
      producer.close(java.time.Duration.ofSeconds(5));
      stop.countDown();
    }, "generate-shutdown"));
    out.printf("Producing synthetic traffic to %s at %s (%.0f events/s of event time, %.0fx)%n",
        config.topics().traces(), config.bootstrapServers(), rate, speed);
    stop.await();
    return 0;
  }

  /** A trace record keyed by trace id, with the event's end time as its timestamp. */
  static ProducerRecord<String, LlmTraceEvent> record(MonitorConfig config, LlmTraceEvent e) {
    return new ProducerRecord<>(config.topics().traces(), null, e.getEndTime().toEpochMilli(), e.getTraceId(), e);
  }

  static KafkaProducer<String, LlmTraceEvent> producer(MonitorConfig config) {
    Map<String, Object> p = new HashMap<>(config.kafkaClient());
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.putAll(config.registryClientConfigs());
    return new KafkaProducer<>(p, new StringSerializer(), serializer(config));
  }

  private static AvroWireSerializer<LlmTraceEvent> serializer(MonitorConfig config) {
    AvroWireSerializer<LlmTraceEvent> s = new AvroWireSerializer<>();
    s.configure(config.registryClientConfigs(), false);
    return s;
  }

}
