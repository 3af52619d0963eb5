package dev.llmqm.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The working schemas must stay BACKWARD compatible with their last released copies. */
class SchemaCompatibilityTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();

  static Stream<String> releasedSchemas() throws IOException {
    try (Stream<Path> files = Files.list(MODULE.resolve("released"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("releasedSchemas")
  void workingSchemaShouldReadDataWrittenWithReleasedSchema(String file) throws IOException {
    Schema released = parse(MODULE.resolve("released").resolve(file));
    Schema working = parse(MODULE.resolve(file));

    var result = SchemaCompatibility.checkReaderWriterCompatibility(working, released).getResult();

    assertThat(result.getCompatibility())
        .as("%s is not BACKWARD compatible with its released copy: %s", file, result.getIncompatibilities())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void everyWorkingSchemaShouldHaveAReleasedCopy() throws IOException {
    List<String> working;
    try (Stream<Path> files = Files.list(MODULE)) {
      working = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc")).sorted().toList();
    }
    assertThat(releasedSchemas().toList()).containsExactlyElementsOf(working);
  }

  @Test
  void shouldDetectABreakingChange() {
    Schema released = LlmTraceEvent.getClassSchema();
    Schema working =
        AvroWireSerdeTest.withExtraField(
            released, new Schema.Field("must_have", Schema.create(Schema.Type.STRING)));

    var result = SchemaCompatibility.checkReaderWriterCompatibility(working, released).getResult();

    assertThat(result.getCompatibility()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  @Test
  void traceEventShouldHoldEveryContractField() {
    List<String> names = LlmTraceEvent.getClassSchema().getFields().stream().map(Schema.Field::name).toList();
    assertThat(names)
        .containsExactly(
            "event_id", "trace_id", "span_id", "conversation_id", "response_id",
            "start_time", "end_time", "ttft_ms",
            "service_name", "service_version", "environment", "region", "feature", "operation_name",
            "provider_name", "request_model", "response_model",
            "prompt_template_id", "prompt_template_version", "rollout_variant", "release",
            "tenant_id", "user_id_hash", "segments",
            "input_tokens", "output_tokens", "cache_read_input_tokens", "reasoning_output_tokens",
            "cost_usd",
            "status", "error_type", "finish_reasons", "streamed",
            "content_mode", "prompt", "system_prompt_hash", "response", "retrieved_context", "tool_calls",
            "redaction", "guardrails", "producer_sample_rate", "attributes");
  }

  @Test
  void optionalFieldsShouldBeNullableWithNullDefault() {
    for (Schema.Field f : LlmTraceEvent.getClassSchema().getFields()) {
      if (f.schema().getType() == Schema.Type.UNION) {
        assertThat(f.schema().getTypes().get(0).getType()).as(f.name()).isEqualTo(Schema.Type.NULL);
        assertThat(f.defaultVal()).as(f.name()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
      }
    }
  }

  private static Schema parse(Path path) throws IOException {
    Schema.Parser parser = new Schema.Parser();
    if (!path.getFileName().toString().equals("segment.avsc")) {
      parser.parse(Files.readString(path.resolveSibling("segment.avsc")));
    }
    return parser.parse(Files.readString(path));
  }
}
