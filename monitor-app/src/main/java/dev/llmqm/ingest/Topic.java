package dev.llmqm.ingest;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** A topic declared once with its serdes; the topology refers to topics only through these. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  public Consumed<K, V> consumed(String processorName) {
    return Consumed.with(keySerde, valueSerde).withName(processorName);
  }

  /** Consumed with event time taken from the value by {@code extractor}. */
  public Consumed<K, V> consumed(String processorName, org.apache.kafka.streams.processor.TimestampExtractor extractor) {
    return Consumed.with(keySerde, valueSerde).withName(processorName).withTimestampExtractor(extractor);
  }

  public Produced<K, V> produced(String processorName) {
    return Produced.with(keySerde, valueSerde).withName(processorName);
  }
}
