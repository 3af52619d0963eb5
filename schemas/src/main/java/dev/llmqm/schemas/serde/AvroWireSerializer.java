package dev.llmqm.schemas.serde;

import dev.llmqm.schemas.registry.RegistryClientConfig;
import dev.llmqm.schemas.registry.SchemaRegistries;
import dev.llmqm.schemas.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro specific records in the Confluent wire format: magic byte 0, the 4-byte big-endian
 * schema id, then Avro binary. The subject follows TopicNameStrategy ({@code <topic>-value} or
 * {@code <topic>-key}); the schema is registered on first use unless {@code
 * auto.register.schemas=false}, in which case it is looked up.
 */
public final class AvroWireSerializer<T extends SpecificRecord> implements Serializer<T> {
  static final byte MAGIC_BYTE = 0x0;

  private SchemaRegistry registry;
  private boolean autoRegister = true;
  private boolean isKey;
  private final Map<String, Integer> idBySubject = new ConcurrentHashMap<>();
  private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();

  /** For Kafka to instantiate; call {@link #configure} before use. */
  public AvroWireSerializer() {}

  /** Ready to use with an existing registry. */
  public AvroWireSerializer(SchemaRegistry registry, boolean autoRegister, boolean isKey) {
    this.registry = registry;
    this.autoRegister = autoRegister;
    this.isKey = isKey;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    RegistryClientConfig config = RegistryClientConfig.fromMap(configs);
    this.registry = SchemaRegistries.create(config);
    this.autoRegister = config.autoRegisterSchemas();
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    Schema schema = data.getSchema();
    String subject = topic + (isKey ? "-key" : "-value");
    int id =
        idBySubject.computeIfAbsent(
            subject + '\u0000' + schema.getFullName() + '\u0000' + schema.hashCode(),
            k -> autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(MAGIC_BYTE);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {}
}
