package dev.llmqm.schemas.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmqm.schemas.LlmTraceEvent;
import dev.llmqm.schemas.json.AvroJson;
import dev.llmqm.schemas.registry.RegistryClientConfig;
import dev.llmqm.schemas.registry.RestSchemaRegistryClient;
import dev.llmqm.schemas.registry.SchemaRegistry;
import dev.llmqm.schemas.registry.SchemaRegistryException;
import dev.llmqm.schemas.registry.SchemaRegistryException.IncompatibleSchemaException;
import dev.llmqm.schemas.registry.SchemaRegistryException.NotFoundException;
import dev.llmqm.schemas.serde.AvroWireDeserializer;
import dev.llmqm.schemas.serde.AvroWireSerde;
import dev.llmqm.schemas.serde.AvroWireSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The contract jar's own Schema Registry client and Confluent wire-format serdes against a registry
 * this project did not write: Apicurio Registry 2.4.2.Final through its Confluent-compatible API
 * ({@code /apis/ccompat/v7}), started as a separate process. Every step uses fresh client instances
 * so that no answer comes from a client cache. Each test registers what it needs itself; the order
 * only makes the log read like a schema's life (register, use, evolve).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApicurioRegistryInteropIT {
  private static final String TOPIC = "llm.traces.v1";
  private static final String SUBJECT = TOPIC + "-value";
  private static final Schema V1 = LlmTraceEvent.getClassSchema();
  private static final int UNKNOWN_ID = 987_654;

  private static ApicurioProcess server;
  private static String ccompatUrl;
  private static LlmTraceEvent event;

  @BeforeAll
  static void startRegistry() throws Exception {
    event = AvroJson.fromJson(resource("events/full-event.json"), LlmTraceEvent.class);
    server =
        ApicurioProcess.start(
            Path.of(System.getProperty("apicurio.server.jar", "../apicurio-server/target/quarkus-app/quarkus-run.jar")),
            Path.of(System.getProperty("apicurio.server.log", "target/apicurio-server.log")),
            Duration.ofSeconds(90));
    ccompatUrl = server.baseUrl() + "/apis/ccompat/v7";
    System.out.printf(
        "Apicurio Registry ready at %s after %d ms%n", ccompatUrl, server.startTime().toMillis());
  }

  @AfterAll
  static void stopRegistry() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void shouldRegisterLookUpAndFetchTheContractSchema() {
    int id = freshClient().register(SUBJECT, V1);

    assertThat(id).isPositive();
    assertThat(freshClient().register(SUBJECT, V1)).as("registering again is idempotent").isEqualTo(id);
    assertThat(freshClient().lookup(SUBJECT, V1)).isEqualTo(id);
    Schema fetched = freshClient().getById(id);
    assertThat(fetched).isEqualTo(V1);
    assertThat(fetched.getFullName()).isEqualTo("dev.llmqm.schemas.LlmTraceEvent");
  }

  @Test
  @Order(2)
  void shouldRoundTripAnEventInTheWireFormatThroughTheRegistry() {
    byte[] bytes = new AvroWireSerializer<LlmTraceEvent>(freshClient(), true, false).serialize(TOPIC, event);

    assertThat(bytes[0]).as("magic byte").isZero();
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(id).isEqualTo(freshClient().lookup(SUBJECT, V1));
    assertThat(new AvroWireDeserializer<>(LlmTraceEvent.class, freshClient()).deserialize(TOPIC, bytes))
        .isEqualTo(event);

    // Configured the way Kafka instantiates serdes; auto.register.schemas=false takes the lookup path.
    var serde = new AvroWireSerde<>(LlmTraceEvent.class);
    serde.configure(Map.of(RegistryClientConfig.URL, ccompatUrl, RegistryClientConfig.AUTO_REGISTER, "false"), false);
    byte[] viaLookup = serde.serializer().serialize(TOPIC, event);
    assertThat(viaLookup).isEqualTo(bytes);
    assertThat(serde.deserializer().deserialize(TOPIC, viaLookup)).isEqualTo(event);
  }

  @Test
  @Order(3)
  void shouldRejectAnIncompatibleVersion() throws Exception {
    int v1 = freshClient().register(SUBJECT, V1);
    requireBackwardCompatibility(SUBJECT);
    Schema incompatible =
        withField(V1, new Schema.Field("tenant_tier", Schema.create(Schema.Type.STRING), "Required, no default."));

    assertThatThrownBy(() -> freshClient().register(SUBJECT, incompatible))
        .isInstanceOf(IncompatibleSchemaException.class)
        .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(409));
    assertThatThrownBy(() -> freshClient().lookup(SUBJECT, incompatible))
        .as("the rejected version was not stored")
        .isInstanceOf(NotFoundException.class);
    assertThat(freshClient().lookup(SUBJECT, V1)).isEqualTo(v1);
  }

  @Test
  @Order(4)
  void shouldReportUnknownSchemaIdsAndSubjectsAsNotFound() throws IOException {
    assertThatThrownBy(() -> freshClient().getById(UNKNOWN_ID))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(404));
    assertThatThrownBy(() -> freshClient().lookup("no.such.topic-value", V1))
        .isInstanceOf(NotFoundException.class);

    byte[] unknown = frame(UNKNOWN_ID, specificBinary(event));
    assertThatThrownBy(() -> new AvroWireDeserializer<>(LlmTraceEvent.class, freshClient()).deserialize(TOPIC, unknown))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Unknown schema id " + UNKNOWN_ID);
  }

  @Test
  @Order(5)
  void shouldAcceptABackwardCompatibleVersionAndDecodeItsEventsWithTheCurrentReader() throws Exception {
    int v1 = freshClient().register(SUBJECT, V1);
    requireBackwardCompatibility(SUBJECT);
    Schema v2 =
        withField(
            V1,
            new Schema.Field(
                "interop_note",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Optional field of a newer producer.",
                Schema.Field.NULL_DEFAULT_VALUE));

    int id2 = freshClient().register(SUBJECT, v2);

    assertThat(id2).isNotEqualTo(v1);
    assertThat(freshClient().lookup(SUBJECT, v2)).isEqualTo(id2);
    assertThat(freshClient().getById(id2)).isEqualTo(v2);

    GenericRecord newer = asWriterSchema(event, v2);
    newer.put("interop_note", "written by a newer producer");
    byte[] bytes = frame(id2, genericBinary(v2, newer));
    var reader = new AvroWireDeserializer<>(LlmTraceEvent.class, freshClient());
    assertThat(reader.deserialize(TOPIC, bytes)).isEqualTo(event);

    // Events of the first version still decode after the subject moved on.
    byte[] older = new AvroWireSerializer<LlmTraceEvent>(freshClient(), false, false).serialize(TOPIC, event);
    assertThat(ByteBuffer.wrap(older, 1, 4).getInt()).isEqualTo(v1);
    assertThat(reader.deserialize(TOPIC, older)).isEqualTo(event);
  }

  @Test
  @Order(6)
  void shouldInteroperateWithApicuriosOwnSerdes() {
    String topic = "llm.traces.apicurio";
    Map<String, Object> apicurio =
        Map.of(
            "apicurio.registry.url", server.baseUrl() + "/apis/registry/v2",
            "apicurio.registry.auto-register", "true",
            "apicurio.registry.as-confluent", "true",
            "apicurio.registry.use-id", "contentId",
            "apicurio.registry.headers.enabled", "false",
            "apicurio.registry.use-specific-avro-reader", "true");

    // Apicurio writes (registering through its own API), this project reads through the Confluent API.
    byte[] theirs;
    try (var serializer = new io.apicurio.registry.serde.avro.AvroKafkaSerializer<LlmTraceEvent>()) {
      serializer.configure(apicurio, false);
      theirs = serializer.serialize(topic, event);
    }
    assertThat(theirs[0]).as("magic byte").isZero();
    int theirId = ByteBuffer.wrap(theirs, 1, 4).getInt();
    assertThat(freshClient().lookup(topic + "-value", V1)).isEqualTo(theirId);
    assertThat(new AvroWireDeserializer<>(LlmTraceEvent.class, freshClient()).deserialize(topic, theirs))
        .isEqualTo(event);

    // This project writes, Apicurio reads.
    byte[] ours = new AvroWireSerializer<LlmTraceEvent>(freshClient(), true, false).serialize(TOPIC, event);
    try (var deserializer = new io.apicurio.registry.serde.avro.AvroKafkaDeserializer<LlmTraceEvent>()) {
      deserializer.configure(apicurio, false);
      assertThat(deserializer.deserialize(TOPIC, ours)).isEqualTo(event);
    }
  }

  private SchemaRegistry freshClient() {
    return new RestSchemaRegistryClient(RegistryClientConfig.of(ccompatUrl));
  }

  /**
   * Apicurio's default compatibility is NONE (Confluent's is BACKWARD): set the subject's level
   * explicitly through the Confluent config API and check it took effect.
   */
  private void requireBackwardCompatibility(String subject) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create(ccompatUrl + "/config/" + subject);
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as("PUT %s: %s", uri, put.body()).isEqualTo(200);
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.body()).contains("BACKWARD");
  }

  /** A copy of {@code schema} (same full name) with one more field at the end. */
  private static Schema withField(Schema schema, Schema.Field extra) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(extra);
    Schema copy =
        Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), schema.isError(), fields);
    schema.getObjectProps().forEach(copy::addProp);
    return new Schema.Parser().parse(copy.toString());
  }

  /** The event as a generic record of a newer writer schema (new fields take their defaults). */
  private static GenericRecord asWriterSchema(LlmTraceEvent event, Schema writer) throws IOException {
    GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(V1, writer);
    return reader.read(null, DecoderFactory.get().binaryDecoder(specificBinary(event), null));
  }

  private static byte[] specificBinary(LlmTraceEvent value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<LlmTraceEvent>(LlmTraceEvent.class).write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static byte[] genericBinary(Schema schema, GenericRecord value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** Confluent wire format: magic byte 0, 4-byte big-endian schema id, Avro binary. */
  private static byte[] frame(int id, byte[] payload) {
    return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(id).put(payload).array();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ApicurioRegistryInteropIT.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
