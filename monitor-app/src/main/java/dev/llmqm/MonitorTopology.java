package dev.llmqm;

import dev.llmqm.detect.DetectionConfig;
import dev.llmqm.detect.RegressionDetector;
import dev.llmqm.ingest.Checked;
import dev.llmqm.ingest.EventValidator;
import dev.llmqm.ingest.MonitorTopics;
import dev.llmqm.metrics.MonitorMetrics;
import dev.llmqm.sampling.SamplingConfig;
import dev.llmqm.sampling.TraceSampler;
import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.ScoredTrace;
import dev.llmqm.scoring.ScoringConfig;
import dev.llmqm.scoring.Tier1Scorer;
import dev.llmqm.topology.ClosedPane;
import dev.llmqm.topology.InternalSerdes;
import dev.llmqm.topology.Panes;
import dev.llmqm.topology.Scored;
import dev.llmqm.topology.ScoredTraces;
import dev.llmqm.topology.Stages;
import dev.llmqm.window.PaneAggregate;
import dev.llmqm.window.PriceCatalog;
import dev.llmqm.window.ScoredEvent;
import dev.llmqm.window.SegmentBudgets;
import dev.llmqm.window.SegmentKey;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The monitor's topology as one pure function of its configuration: no I/O, no environment.
 *
 * <pre>
 * traces-source ─► validate ─┬─ invalid ─► dlq-sink (reason headers)
 *                            └─ valid ─► tier1-score ─┬─► quarantine-sink   (redaction failures, text removed)
 *                                                     ├─► samples-sink, scores-sink
 *                                                     └─► pane-input (repartition by segment) ─► late-events
 *                                                           ─► pane-aggregate (1-minute panes, emit on close)
 *                                                           ─► pane-closed ─┬─► aggregates-sink
 *                                                                           └─► detector-input (by service) ─► detect ─► alerts-sink
 * </pre>
 */
public final class MonitorTopology {
  private MonitorTopology() {}

  /** How long a window waits in the detector for panes from other tasks, in wall-clock time. */
  static final Duration DETECTOR_FLUSH_AFTER = Duration.ofSeconds(20);

  public static Topology build(MonitorConfig config, MonitorTopics topics, MonitorMetrics metrics) {
    return build(config, topics, metrics, PriceCatalog.builtIn());
  }

  /** Where the pane store keeps its state: RocksDB in the service, memory for offline replays. */
  public enum StoreKind {
    PERSISTENT,
    IN_MEMORY
  }

  public static Topology build(MonitorConfig config, MonitorTopics topics, MonitorMetrics metrics, PriceCatalog prices) {
    return build(config, topics, metrics, prices, StoreKind.PERSISTENT);
  }

  private static Materialized<SegmentKey, PaneAggregate, WindowStore<Bytes, byte[]>> paneStore(MonitorConfig config, StoreKind kind) {
    if (kind == StoreKind.IN_MEMORY) {
      Duration retention = config.windowSize().plus(config.windowGrace()).plus(Duration.ofMinutes(5));
      return Materialized.<SegmentKey, PaneAggregate>as(
          org.apache.kafka.streams.state.Stores.inMemoryWindowStore("pane-store", retention, config.windowSize(), false));
    }
    return Materialized.<SegmentKey, PaneAggregate, WindowStore<Bytes, byte[]>>as("pane-store")
        .withRetention(paneStoreRetention(config));
  }

  /**
   * The least time the RocksDB pane store keeps a pane, though a pane is final and emitted once its window and
   * grace have passed. The first time a task looks for closed windows (before it has committed a last emission),
   * Kafka Streams' record cache over the emit-on-close store walks the store's segments one at a time from time 0,
   * and a segment spans half the retention: with size + grace (90 s) that is 29.6 million one-minute segments and
   * took 5-15 s on a two-core machine, with an hour under a million half-hour ones and well under a second.
   */
  static final Duration PANE_STORE_MIN_RETENTION = Duration.ofHours(1);

  static Duration paneStoreRetention(MonitorConfig config) {
    Duration closes = config.windowSize().plus(config.windowGrace());
    return closes.compareTo(PANE_STORE_MIN_RETENTION) > 0 ? closes : PANE_STORE_MIN_RETENTION;
  }

  public static Topology build(MonitorConfig config, MonitorTopics topics, MonitorMetrics metrics, PriceCatalog prices,
      StoreKind stores) {
    StreamsBuilder builder = new StreamsBuilder();
    EventValidator validator = new EventValidator(config.maxFieldChars(), config.maxContextChunks(), config.maxFutureSkew().toMillis());
    Tier1Scorer scorer = new Tier1Scorer(new ScoringConfig(config.scoringMaxFieldChars(), config.scoringMaxAnalysedChars(),
            config.phoneRegions()));
    SamplingConfig defaults = SamplingConfig.defaults();
    TraceSampler sampler = new TraceSampler(new SamplingConfig(config.samplingRate(), Map.of(),
        config.samplingBudgetPerSecond(), defaults.keepErrors(), defaults.keepCanary(), defaults.keepFlagged()));
    SegmentBudgets budgets = new SegmentBudgets(config.segmentMaxValues(), config.segmentMaxTenants(), Map.of());

    KStream<String, Checked> checked =
        builder.stream(topics.traces().name(), topics.traces().consumed("traces-source", new dev.llmqm.ingest.EventTimeExtractor(config.maxFutureSkew().toMillis())))
            .processValues(dev.llmqm.ingest.Stages.validate(validator, metrics), Named.as("validate"));

    Map<String, KStream<String, Checked>> validation =
        checked.split(Named.as("validation-"))
            .branch((key, value) -> value.valid(), Branched.as("valid"))
            .defaultBranch(Branched.as("invalid"));

    validation.get("validation-invalid")
        .mapValues(Checked::event, Named.as("invalid-event"))
        .to(topics.dlq().name(), topics.dlq().produced("dlq-sink"));

    KStream<String, Scored> scored =
        validation.get("validation-valid")
            .mapValues(Checked::event, Named.as("valid-event"))
            .processValues(Stages.score(scorer, sampler, budgets, prices, metrics), Named.as("tier1-score"));

    scored.filter((k, s) -> s.redactionFailure(), Named.as("redaction-failed"))
        .mapValues(Scored::event, Named.as("quarantine-event"))
        .to(topics.quarantine().name(), topics.quarantine().produced("quarantine-sink"));

    KStream<String, Scored> sampled = scored.filter((k, s) -> s.sampling().sampled(), Named.as("sampled"));
    sampled.processValues(dev.llmqm.topology.SampleHeaderStage.supplier(), Named.as("sample-headers"))
        .to(topics.samples().name(), topics.samples().produced("samples-sink"));
    sampled.flatMapValues(ScoredTraces::of, Named.as("sample-scores"))
        .to(topics.scores().name(), topics.scores().produced("scores-sink"));

    KStream<SegmentKey, ScoredEvent> byPane =
        scored.map((k, s) -> KeyValue.pair(s.segment(), s.facts()), Named.as("pane-key"))
            .repartition(Repartitioned.<SegmentKey, ScoredEvent>as("pane-input")
                .withKeySerde(InternalSerdes.segmentKey()).withValueSerde(InternalSerdes.scoredEvent()))
            .processValues(Stages.lateEvents(metrics, config.windowSize(), config.windowGrace()), Named.as("late-events"));

    KStream<String, ClosedPane> closed =
        byPane.groupByKey(Grouped.<SegmentKey, ScoredEvent>as("pane-group")
                .withKeySerde(InternalSerdes.segmentKey()).withValueSerde(InternalSerdes.scoredEvent()))
            .windowedBy(TimeWindows.ofSizeAndGrace(config.windowSize(), config.windowGrace()))
            .emitStrategy(EmitStrategy.onWindowClose())
            .aggregate(
                PaneAggregate::empty,
                (key, event, pane) -> {
                  pane.add(event, prices);
                  return pane;
                },
                Named.as("pane-aggregate"),
                paneStore(config, stores)
                    .withKeySerde(InternalSerdes.segmentKey())
                    .withValueSerde(InternalSerdes.pane()))
            .toStream(Named.as("pane-stream"))
            .process(Stages.paneClosed(metrics), Named.as("pane-closed"));

    closed.mapValues(p -> Panes.toAvro(p.segment(), p.windowStart(), p.windowEnd(), p.pane()), Named.as("pane-avro"))
        .to(topics.aggregates().name(), topics.aggregates().produced("aggregates-sink"));

    if (config.detectionEnabled()) {
      closed.repartition(Repartitioned.<String, ClosedPane>as("detector-input")
              .withKeySerde(Serdes.String()).withValueSerde(ClosedPane.serde()).withNumberOfPartitions(1))
          .process(Stages.detect(() -> new RegressionDetector(DetectionConfig.defaults()), metrics, DETECTOR_FLUSH_AFTER),
              Named.as("detect"))
          .to(topics.alerts().name(), topics.alerts().produced("alerts-sink"));
    }
    return builder.build();
  }
}
