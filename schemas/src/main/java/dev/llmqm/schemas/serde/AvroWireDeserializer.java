package dev.llmqm.schemas.serde;

import dev.llmqm.schemas.registry.SchemaRegistries;
import dev.llmqm.schemas.registry.SchemaRegistry;
import dev.llmqm.schemas.registry.SchemaRegistryException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro into a specific record class. The writer schema is fetched by
 * id from the registry (cached) and resolved against the reader schema of {@code T}, so events
 * from older and newer producers decode. Bad bytes raise {@link WireFormatException} or {@link
 * SchemaRegistryException} (both Kafka {@link SerializationException}s) with a message that says
 * what was wrong, never a silent null.
 */
public final class AvroWireDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  private final Schema readerSchema;
  private SchemaRegistry registry;
  private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

  /** For use with {@link #configure}. */
  public AvroWireDeserializer(Class<T> type) {
    this.readerSchema = SpecificData.get().getSchema(type);
  }

  /** Ready to use with an existing registry. */
  public AvroWireDeserializer(Class<T> type, SchemaRegistry registry) {
    this(type);
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.registry = SchemaRegistries.create(configs);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length < 5) {
      throw new WireFormatException(
          "Truncated record on " + topic + ": " + data.length + " bytes, the wire-format header alone is 5");
    }
    if (data[0] != AvroWireSerializer.MAGIC_BYTE) {
      throw new WireFormatException(
          String.format(
              "Unknown magic byte 0x%02x on %s: not Confluent wire-format Avro", data[0] & 0xff, topic));
    }
    int id =
        ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    SpecificDatumReader<T> reader;
    try {
      reader = readers.computeIfAbsent(id, this::newReader);
    } catch (SchemaRegistryException.NotFoundException e) {
      throw new SchemaRegistryException.NotFoundException(
          "Unknown schema id " + id + " on " + topic + ": " + e.getMessage(), e.errorCode());
    }
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null);
    try {
      T value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new WireFormatException(
            "Trailing bytes after the record on " + topic + " (schema id " + id + ")");
      }
      return value;
    } catch (EOFException e) {
      throw new WireFormatException(
          "Truncated Avro payload on " + topic + " (schema id " + id + ")", e);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException
        | NegativeArraySizeException e) {
      throw new WireFormatException(
          "Cannot decode Avro payload on " + topic + " (schema id " + id + "): " + e.getClass().getSimpleName(), e);
    }
  }

  private SpecificDatumReader<T> newReader(int id) {
    Schema writer = registry.getById(id);
    return new SpecificDatumReader<>(writer, readerSchema);
  }

  @Override
  public void close() {}
}
