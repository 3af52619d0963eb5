package dev.llmqm.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmqm.schemas.json.AvroJson;
import dev.llmqm.schemas.registry.InMemorySchemaRegistry;
import dev.llmqm.schemas.registry.SchemaRegistryException;
import dev.llmqm.schemas.serde.AvroWireDeserializer;
import dev.llmqm.schemas.serde.AvroWireSerde;
import dev.llmqm.schemas.serde.AvroWireSerializer;
import dev.llmqm.schemas.serde.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroWireSerdeTest {
  private static final String TOPIC = "llm.traces.v1";
  private final String scope = "serde-test-" + System.nanoTime();
  private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);

  @AfterEach
  void dropScope() {
    InMemorySchemaRegistry.dropScope(scope);
  }

  @Test
  void shouldRoundTripInTheConfluentWireFormat() throws IOException {
    LlmTraceEvent event = AvroJson.fromJson(AvroJsonTest.resource("full-event.json"), LlmTraceEvent.class);
    var serde = new AvroWireSerde<>(LlmTraceEvent.class);
    serde.configure(Map.of("schema.registry.url", "mock://" + scope), false);

    byte[] bytes = serde.serializer().serialize(TOPIC, event);

    assertThat(bytes[0]).isZero();
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(registry.getById(id)).isEqualTo(LlmTraceEvent.getClassSchema());
    assertThat(registry.lookup(TOPIC + "-value", LlmTraceEvent.getClassSchema())).isEqualTo(id);
    assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(event);
  }

  @Test
  void shouldRejectAWrongMagicByte() throws IOException {
    byte[] bytes = validBytes();
    bytes[0] = 0x7b;

    assertThatThrownBy(() -> deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(WireFormatException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown magic byte 0x7b");
  }

  @Test
  void shouldRejectTruncatedHeadersAndPayloads() throws IOException {
    byte[] bytes = validBytes();

    assertThatThrownBy(() -> deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("Truncated record");
    assertThatThrownBy(() -> deserializer().deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length / 2)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("schema id");
  }

  @Test
  void shouldRejectAnUnknownSchemaId() throws IOException {
    byte[] bytes = validBytes();
    bytes[4] = 99;

    assertThatThrownBy(() -> deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(SchemaRegistryException.NotFoundException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown schema id 99");
  }

  @Test
  void shouldReadEventsFromAnOlderProducerWithFewerFields() throws IOException {
    Schema older = olderTraceEventSchema();
    GenericRecord record = new GenericData.Record(older);
    for (Schema.Field f : older.getFields()) {
      record.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f) : null);
    }
    record.put("event_id", "old-1");
    record.put("trace_id", "t");
    record.put("start_time", 1000L);
    record.put("end_time", 2000L);
    record.put("service_name", "svc");
    record.put("environment", "prod");
    record.put("operation_name", "chat");
    record.put("provider_name", "openai");
    record.put("request_model", "gpt-4o");
    record.put("tenant_id", "acme");
    record.put("status", new GenericData.EnumSymbol(older.getField("status").schema(), "OK"));
    record.put(
        "content_mode", new GenericData.EnumSymbol(older.getField("content_mode").schema(), "NONE"));
    int id = registry.register("older-value", older);

    LlmTraceEvent event = deserializer().deserialize(TOPIC, frame(id, older, record));

    assertThat(event.getEventId()).isEqualTo("old-1");
    assertThat(event.getAttributes()).isEmpty();
    assertThat(event.getProducerSampleRate()).isEqualTo(1.0);
  }

  @Test
  void shouldReadEventsFromANewerProducerWithExtraFields() throws IOException {
    Schema newer =
        withExtraField(
            LlmTraceEvent.getClassSchema(),
            new Schema.Field(
                "gen_ai_agent_name",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                null,
                org.apache.avro.JsonProperties.NULL_VALUE));
    LlmTraceEvent event = AvroJson.fromJson(AvroJsonTest.resource("minimal-event.json"), LlmTraceEvent.class);
    GenericRecord record = new GenericData.Record(newer);
    for (Schema.Field f : newer.getFields()) {
      Object v = f.name().equals("gen_ai_agent_name") ? "planner" : f.hasDefaultValue() ? GenericData.get().getDefaultValue(f) : null;
      record.put(f.name(), v);
    }
    for (Schema.Field f : LlmTraceEvent.getClassSchema().getFields()) {
      Object v = event.get(f.pos());
      if (v instanceof java.time.Instant i) {
        v = i.toEpochMilli();
      } else if (v instanceof Enum<?> e) {
        v = new GenericData.EnumSymbol(newer.getField(f.name()).schema(), e.name());
      }
      record.put(f.name(), v);
    }
    int id = registry.register("newer-value", newer);

    assertThat(deserializer().deserialize(TOPIC, frame(id, newer, record))).isEqualTo(event);
  }

  @Test
  void shouldRefuseToRegisterAnIncompatibleSchema() {
    registry.register("s-value", LlmTraceEvent.getClassSchema());
    Schema incompatible =
        withExtraField(
            LlmTraceEvent.getClassSchema(),
            new Schema.Field("mandatory", Schema.create(Schema.Type.STRING)));

    assertThatThrownBy(() -> registry.register("s-value", incompatible))
        .isInstanceOf(SchemaRegistryException.IncompatibleSchemaException.class);
  }

  @Test
  void shouldOnlyLookUpWhenAutoRegistrationIsOff() throws IOException {
    LlmTraceEvent event = AvroJson.fromJson(AvroJsonTest.resource("minimal-event.json"), LlmTraceEvent.class);
    var serializer = new AvroWireSerializer<LlmTraceEvent>(registry, false, false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, event))
        .isInstanceOf(SchemaRegistryException.NotFoundException.class);
  }

  private AvroWireDeserializer<LlmTraceEvent> deserializer() {
    return new AvroWireDeserializer<>(LlmTraceEvent.class, registry);
  }

  private byte[] validBytes() throws IOException {
    LlmTraceEvent event = AvroJson.fromJson(AvroJsonTest.resource("full-event.json"), LlmTraceEvent.class);
    return new AvroWireSerializer<LlmTraceEvent>(registry, true, false).serialize(TOPIC, event);
  }

  private static Schema olderTraceEventSchema() {
    Schema current = LlmTraceEvent.getClassSchema();
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : current.getFields()) {
      if (!f.name().equals("attributes") && !f.name().equals("producer_sample_rate")) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    return Schema.createRecord(current.getName(), null, current.getNamespace(), false, fields);
  }

  static Schema withExtraField(Schema current, Schema.Field extra) {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(extra);
    for (Schema.Field f : current.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    return Schema.createRecord(current.getName(), null, current.getNamespace(), false, fields);
  }

  private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
