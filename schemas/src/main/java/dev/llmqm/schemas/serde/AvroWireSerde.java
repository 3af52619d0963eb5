package dev.llmqm.schemas.serde;

import dev.llmqm.schemas.registry.SchemaRegistry;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serializer and deserializer for one specific record type in the Confluent wire format. */
public final class AvroWireSerde<T extends SpecificRecord> implements Serde<T> {
  private final AvroWireSerializer<T> serializer;
  private final AvroWireDeserializer<T> deserializer;

  /** Call {@link #configure} with {@code schema.registry.url} before use. */
  public AvroWireSerde(Class<T> type) {
    this.serializer = new AvroWireSerializer<>();
    this.deserializer = new AvroWireDeserializer<>(type);
  }

  public AvroWireSerde(Class<T> type, SchemaRegistry registry, boolean autoRegister) {
    this.serializer = new AvroWireSerializer<>(registry, autoRegister, false);
    this.deserializer = new AvroWireDeserializer<>(type, registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
