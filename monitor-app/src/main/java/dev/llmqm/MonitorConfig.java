package dev.llmqm;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monitor's one immutable, validated configuration. Loaded from defaults, then an optional
 * properties file, then {@code MONITOR_*} environment variables ({@code MONITOR_SAMPLING_RATE}
 * sets {@code monitor.sampling.rate}); {@code KAFKA_*} variables ({@code KAFKA_SECURITY_PROTOCOL}
 * → {@code security.protocol}) and {@code kafka.*} file keys pass through to the Kafka clients.
 * Validation reports every problem at once.
 */
public record MonitorConfig(
    String bootstrapServers,
    String applicationId,
    String processingGuarantee,
    int streamThreads,
    Path stateDir,
    String schemaRegistryUrl,
    Map<String, String> schemaRegistryClient,
    Topics topics,
    boolean createTopics,
    int topicPartitions,
    String httpHost,
    int httpPort,
    int maxFieldChars,
    int maxContextChunks,
    Duration maxFutureSkew,
    int scoringMaxFieldChars,
    int scoringMaxAnalysedChars,
    Set<String> phoneRegions,
    Duration windowSize,
    Duration windowGrace,
    int segmentMaxValues,
    int segmentMaxTenants,
    double samplingRate,
    double samplingBudgetPerSecond,
    Path priceCatalog,
    boolean detectionEnabled,
    Map<String, String> kafkaClient) {

  /** Topic names; every value of every topic is Avro in the Confluent wire format. */
  public record Topics(
      String traces,
      String feedback,
      String samples,
      String scores,
      String aggregates,
      String alerts,
      String dlq,
      String quarantine) {
    public List<String> all() {
      return List.of(traces, feedback, samples, scores, aggregates, alerts, dlq, quarantine);
    }
  }

  /** A documented setting: key, default and meaning. The README's configuration table mirrors it. */
  public record Setting(String key, String defaultValue, String meaning) {
    public String envVar() {
      return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
  }

  public static final List<Setting> SETTINGS =
      List.of(
          new Setting("monitor.kafka.bootstrap.servers", "localhost:9092", "Kafka bootstrap servers."),
          new Setting("monitor.application.id", "llm-quality-monitor", "Kafka Streams application id (consumer group, internal topic prefix)."),
          new Setting("monitor.processing.guarantee", "exactly_once_v2", "exactly_once_v2 or at_least_once."),
          new Setting("monitor.stream.threads", "2", "Kafka Streams threads per instance."),
          new Setting("monitor.state.dir", "${java.io.tmpdir}/llm-quality-monitor", "Local state directory (RocksDB stores)."),
          new Setting("monitor.schema.registry.url", "http://localhost:8081", "Schema Registry URL(s), comma-separated; mock://<scope> for the in-memory registry."),
          new Setting("monitor.schema.registry.basic.auth.user.info", "", "user:password for registry basic auth (masked in logs)."),
          new Setting("monitor.schema.registry.ssl.truststore.location", "", "Trust store for a TLS registry (also .password, .type)."),
          new Setting("monitor.topic.traces", "llm.traces.v1", "Input trace events."),
          new Setting("monitor.topic.feedback", "llm.feedback.v1", "Input user feedback."),
          new Setting("monitor.topic.samples", "llm.samples.v1", "Sampled events for tier-2/3 scoring."),
          new Setting("monitor.topic.scores", "llm.scores.v1", "Per-event scores of sampled events."),
          new Setting("monitor.topic.aggregates", "llm.aggregates.v1", "Closed 1-minute panes per segment."),
          new Setting("monitor.topic.alerts", "llm.alerts.v1", "Detector alert events."),
          new Setting("monitor.topic.dlq", "llm.traces.dlq.v1", "Dead-letter topic: undecodable and invalid events, with reason headers."),
          new Setting("monitor.topic.quarantine", "llm.traces.quarantine.v1", "Events that claimed redaction but leaked PII, text removed."),
          new Setting("monitor.topic.create", "true", "Create missing topics at start-up (broker default replication)."),
          new Setting("monitor.topic.partitions", "3", "Partitions of topics the monitor creates."),
          new Setting("monitor.http.host", "0.0.0.0", "Bind address of the HTTP server (/metrics, /health/*)."),
          new Setting("monitor.http.port", "8080", "Port of the HTTP server."),
          new Setting("monitor.validation.max.field.chars", "262144", "Events with a text field longer than this are invalid (DLQ)."),
          new Setting("monitor.validation.max.context.chunks", "256", "Events with more retrieved_context chunks are invalid (DLQ)."),
          new Setting("monitor.validation.max.future.skew", "PT15M", "Events whose end_time is further ahead of their record timestamp are invalid (DLQ)."),
          new Setting("monitor.scoring.max.field.chars", "16384", "Characters of each text field that tier-1 scoring reads."),
          new Setting("monitor.scoring.max.analysed.chars", "4096", "Characters of the prompt and of the response that groundedness and relevance read (head and tail of longer ones); at most monitor.scoring.max.field.chars."),
          new Setting("monitor.scoring.phone.regions", "US", "Regions whose national phone formats count as PII; others need +CC."),
          new Setting("monitor.window.size", "PT1M", "Pane size (ISO-8601 duration or 60s/1m)."),
          new Setting("monitor.window.grace", "PT30S", "Grace period for late events; later ones are counted as late."),
          new Setting("monitor.segment.max.values", "50", "Distinct values per segment dimension before folding into 'other'."),
          new Setting("monitor.segment.max.tenants", "20", "Distinct tenant_id values before folding into 'other'."),
          new Setting("monitor.sampling.rate", "0.1", "Base sampling rate for llm.samples.v1."),
          new Setting("monitor.sampling.budget.per.second", "50", "Cap on sampled events per second of event time per service."),
          new Setting("monitor.pricing.catalog", "", "JSON price catalog overriding the built-in one."),
          new Setting("monitor.detection.enabled", "true", "Run the regression and drift detectors."));

  private static final Set<String> KNOWN_KEYS =
      SETTINGS.stream().map(Setting::key).collect(Collectors.toUnmodifiableSet());

  /** Loads defaults, then {@code file} (may be null), then the environment. */
  public static MonitorConfig load(Path file, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Setting s : SETTINGS) {
      values.put(s.key(), s.defaultValue());
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> kafka = new TreeMap<>();
    if (file != null) {
      Properties props = new Properties();
      try (Reader r = Files.newBufferedReader(file)) {
        props.load(r);
      } catch (IOException e) {
        throw new ConfigException(List.of("cannot read config file " + file + ": " + e.getMessage()));
      }
      for (String key : props.stringPropertyNames()) {
        String value = props.getProperty(key).trim();
        if (key.startsWith("kafka.")) {
          kafka.put(key.substring("kafka.".length()), value);
        } else {
          values.put(key, value);
        }
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (name.startsWith("MONITOR_") && !name.equals("MONITOR_CONFIG_FILE")) {
        values.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), e.getValue().trim());
      } else if (name.startsWith("KAFKA_") && name.length() > 6) {
        kafka.put(name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), e.getValue().trim());
      }
    }
    return fromMap(values, kafka, problems);
  }

  /** Builds and validates from already-merged values (tests, the demo). */
  public static MonitorConfig fromMap(Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Setting s : SETTINGS) {
      values.put(s.key(), s.defaultValue());
    }
    values.putAll(overrides);
    return fromMap(values, Map.of(), new ArrayList<>());
  }

  private static MonitorConfig fromMap(
      Map<String, String> values, Map<String, String> kafka, List<String> problems) {
    Map<String, String> registry = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("monitor.schema.registry.")) {
        String sub = key.substring("monitor.schema.registry.".length());
        if (!e.getValue().isEmpty()) {
          registry.put(sub.startsWith("basic.auth.") ? sub : "schema.registry." + sub, e.getValue());
        }
      } else if (!KNOWN_KEYS.contains(key)) {
        problems.add("unknown setting '" + key + "'");
      }
    }
    Parser p = new Parser(values, problems);
    String bootstrap = p.nonBlank("monitor.kafka.bootstrap.servers");
    String guarantee = p.oneOf("monitor.processing.guarantee", Set.of("exactly_once_v2", "at_least_once"));
    String stateDir = values.get("monitor.state.dir").replace("${java.io.tmpdir}", System.getProperty("java.io.tmpdir"));
    String catalog = values.get("monitor.pricing.catalog");
    Path catalogPath = catalog == null || catalog.isBlank() ? null : Path.of(catalog);
    if (catalogPath != null && !Files.isReadable(catalogPath)) {
      problems.add("monitor.pricing.catalog: cannot read " + catalogPath);
    }
    Duration size = p.duration("monitor.window.size");
    Duration grace = p.duration("monitor.window.grace");
    if (size != null && (size.isZero() || size.isNegative() || size.toMillis() % 1000 != 0)) {
      problems.add("monitor.window.size must be a positive whole number of seconds, was " + size);
    }
    if (grace != null && grace.isNegative()) {
      problems.add("monitor.window.grace must not be negative, was " + grace);
    }
    double rate = p.real("monitor.sampling.rate", 0.0, 1.0);
    Topics topics =
        new Topics(
            p.nonBlank("monitor.topic.traces"),
            p.nonBlank("monitor.topic.feedback"),
            p.nonBlank("monitor.topic.samples"),
            p.nonBlank("monitor.topic.scores"),
            p.nonBlank("monitor.topic.aggregates"),
            p.nonBlank("monitor.topic.alerts"),
            p.nonBlank("monitor.topic.dlq"),
            p.nonBlank("monitor.topic.quarantine"));
    if (problems.isEmpty() && topics.all().stream().distinct().count() != topics.all().size()) {
      problems.add("topic names must be distinct: " + topics.all());
    }
    int scoringCap = p.integer("monitor.scoring.max.field.chars", 256, 1 << 20);
    int analysedCap = p.integer("monitor.scoring.max.analysed.chars", 256, 1 << 20);
    if (scoringCap > 0 && analysedCap > scoringCap) {
      problems.add("monitor.scoring.max.analysed.chars (" + analysedCap
          + ") must not exceed monitor.scoring.max.field.chars (" + scoringCap + ")");
    }
    MonitorConfig config =
        new MonitorConfig(
            bootstrap,
            p.nonBlank("monitor.application.id"),
            guarantee,
            p.integer("monitor.stream.threads", 1, 64),
            Path.of(stateDir),
            p.nonBlank("monitor.schema.registry.url"),
            Map.copyOf(registry),
            topics,
            p.bool("monitor.topic.create"),
            p.integer("monitor.topic.partitions", 1, 10_000),
            p.nonBlank("monitor.http.host"),
            p.integer("monitor.http.port", 0, 65535),
            p.integer("monitor.validation.max.field.chars", 1, Integer.MAX_VALUE),
            p.integer("monitor.validation.max.context.chunks", 0, 100_000),
            p.duration("monitor.validation.max.future.skew"),
            scoringCap,
            analysedCap,
            Set.copyOf(p.list("monitor.scoring.phone.regions")),
            size,
            grace,
            p.integer("monitor.segment.max.values", 1, 10_000),
            p.integer("monitor.segment.max.tenants", 1, 10_000),
            rate,
            p.real("monitor.sampling.budget.per.second", 0.0, 1e9),
            catalogPath,
            p.bool("monitor.detection.enabled"),
            Map.copyOf(kafka));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /** Registry client settings for the serdes, including {@code schema.registry.url}. */
  public Map<String, Object> registryClientConfigs() {
    Map<String, Object> m = new LinkedHashMap<>(schemaRegistryClient);
    m.put("schema.registry.url", schemaRegistryUrl);
    if (schemaRegistryClient.containsKey("basic.auth.user.info")) {
      m.putIfAbsent("basic.auth.credentials.source", "USER_INFO");
    }
    return m;
  }

  /** The effective configuration with secrets masked, one {@code key=value} per line. */
  public String describe() {
    Map<String, String> shown = new TreeMap<>();
    shown.put("monitor.kafka.bootstrap.servers", bootstrapServers);
    shown.put("monitor.application.id", applicationId);
    shown.put("monitor.processing.guarantee", processingGuarantee);
    shown.put("monitor.stream.threads", Integer.toString(streamThreads));
    shown.put("monitor.state.dir", stateDir.toString());
    shown.put("monitor.schema.registry.url", schemaRegistryUrl);
    schemaRegistryClient.forEach((k, v) -> shown.put("schema-registry " + k, mask(k, v)));
    shown.put("monitor.topics", topics.toString());
    shown.put("monitor.http", httpHost + ":" + httpPort);
    shown.put("monitor.window", "size=" + windowSize + " grace=" + windowGrace);
    shown.put("monitor.sampling", "rate=" + samplingRate + " budget/s=" + samplingBudgetPerSecond);
    shown.put("monitor.detection.enabled", Boolean.toString(detectionEnabled));
    kafkaClient.forEach((k, v) -> shown.put("kafka " + k, mask(k, v)));
    return shown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
  }

  static String mask(String key, String value) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("user.info")
        || k.contains("token") || k.contains("credentials")) {
      return "****";
    }
    return value;
  }

  private static final class Parser {
    private final Map<String, String> values;
    private final List<String> problems;

    Parser(Map<String, String> values, List<String> problems) {
      this.values = values;
      this.problems = problems;
    }

    String nonBlank(String key) {
      String v = values.get(key);
      if (v == null || v.isBlank()) {
        problems.add(key + " must not be empty");
        return null;
      }
      return v;
    }

    String oneOf(String key, Set<String> allowed) {
      String v = values.get(key);
      if (!allowed.contains(v)) {
        problems.add(key + " must be one of " + new java.util.TreeSet<>(allowed) + ", was '" + v + "'");
      }
      return v;
    }

    int integer(String key, int min, int max) {
      return parse(key, Integer::parseInt, "an integer", 0, n -> n >= min && n <= max, "between " + min + " and " + max);
    }

    double real(String key, double min, double max) {
      return parse(key, Double::parseDouble, "a number", 0.0, n -> n >= min && n <= max, "between " + min + " and " + max);
    }

    boolean bool(String key) {
      String v = values.get(key);
      if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
        problems.add(key + " must be true or false, was '" + v + "'");
        return false;
      }
      return Boolean.parseBoolean(v);
    }

    List<String> list(String key) {
      String v = values.get(key);
      return v == null || v.isBlank()
          ? List.of()
          : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    Duration duration(String key) {
      String v = values.get(key);
      try {
        if (v.matches("\\d+(ms|s|m|h)")) {
          long n = Long.parseLong(v.replaceAll("\\D", ""));
          return v.endsWith("ms") ? Duration.ofMillis(n) : v.endsWith("s") ? Duration.ofSeconds(n)
              : v.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
        }
        return Duration.parse(v);
      } catch (DateTimeParseException | NullPointerException e) {
        problems.add(key + " must be a duration like PT30S, 30s or 1m, was '" + v + "'");
        return null;
      }
    }

    private <T extends Comparable<T>> T parse(
        String key, Function<String, T> parser, String what, T fallback,
        java.util.function.Predicate<T> ok, String range) {
      String v = values.get(key);
      try {
        T n = parser.apply(v.trim());
        if (!ok.test(n)) {
          problems.add(key + " must be " + range + ", was " + v);
        }
        return n;
      } catch (RuntimeException e) {
        problems.add(key + " must be " + what + ", was '" + v + "'");
        return fallback;
      }
    }
  }
}
