package dev.llmqm.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmqm.schemas.json.AvroJson;
import dev.llmqm.schemas.json.JsonContractException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AvroJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void shouldReadEveryFieldOfTheJsonForm() throws IOException {
    LlmTraceEvent event = AvroJson.fromJson(resource("full-event.json"), LlmTraceEvent.class);

    assertThat(event.getEventId()).isEqualTo("evt-0001");
    assertThat(event.getStartTime()).isEqualTo(Instant.ofEpochMilli(1767225600000L));
    assertThat(event.getEndTime()).isEqualTo(Instant.ofEpochMilli(1767225601250L));
    assertThat(event.getTtftMs()).isEqualTo(310.5);
    assertThat(event.getStatus()).isEqualTo(Status.OK);
    assertThat(event.getContentMode()).isEqualTo(ContentMode.REDACTED);
    assertThat(event.getSegments()).containsEntry("plan", "enterprise");
    assertThat(event.getRetrievedContext()).hasSize(1);
    assertThat(event.getRetrievedContext().get(0).getScore()).isEqualTo(0.83);
    assertThat(event.getToolCalls().get(0).getDurationMs()).isEqualTo(41.0);
    assertThat(event.getRedaction().getEntityCounts()).containsEntry("EMAIL", 1);
    assertThat(event.getGuardrails().get(0).getVerdict()).isEqualTo("pass");
    assertThat(event.getFinishReasons()).containsExactly("stop");
    assertThat(event.getInputTokens()).isEqualTo(812L);
  }

  @Test
  void shouldWriteTheSameJsonItRead() throws IOException {
    String json = resource("full-event.json");
    LlmTraceEvent event = AvroJson.fromJson(json, LlmTraceEvent.class);

    JsonNode written = AvroJson.toJson(event);

    assertThat(MAPPER.readTree(written.toString())).isEqualTo(MAPPER.readTree(json));
    assertThat(AvroJson.fromJson(written, LlmTraceEvent.class)).isEqualTo(event);
  }

  @Test
  void shouldApplyDefaultsToMissingOptionalFields() throws IOException {
    LlmTraceEvent event = AvroJson.fromJson(resource("minimal-event.json"), LlmTraceEvent.class);

    assertThat(event.getSpanId()).isNull();
    assertThat(event.getFinishReasons()).isEmpty();
    assertThat(event.getRetrievedContext()).isEmpty();
    assertThat(event.getProducerSampleRate()).isEqualTo(1.0);
    assertThat(event.getStreamed()).isFalse();
    assertThat(event.getAttributes()).isEmpty();
  }

  @Test
  void shouldNameTheMissingRequiredField() {
    String json = "{\"event_id\":\"e\",\"trace_id\":\"t\",\"start_time\":1,\"end_time\":2}";

    assertThatThrownBy(() -> AvroJson.fromJson(json, LlmTraceEvent.class))
        .isInstanceOf(JsonContractException.class)
        .hasMessage("$.service_name: required field missing");
  }

  @Test
  void shouldRejectWrongTypesAndUnknownEnumSymbolsWithThePath() throws IOException {
    String base = resource("minimal-event.json");

    assertThatThrownBy(() -> AvroJson.fromJson(base.replace("\"ERROR\"", "\"MAYBE\""), LlmTraceEvent.class))
        .hasMessageStartingWith("$.status: 'MAYBE' is not one of [OK, ERROR]");
    assertThatThrownBy(
            () -> AvroJson.fromJson(base.replace("1767225600900", "\"soon\""), LlmTraceEvent.class))
        .hasMessageStartingWith("$.end_time: expected epoch milliseconds");
    assertThatThrownBy(
            () ->
                AvroJson.fromJson(
                    base.replace("}", ",\"retrieved_context\":[{\"content\":\"x\"}]}"),
                    LlmTraceEvent.class))
        .hasMessage("$.retrieved_context[0].doc_id: required field missing");
    assertThatThrownBy(() -> AvroJson.fromJson("{not json", LlmTraceEvent.class))
        .isInstanceOf(JsonContractException.class);
  }

  @Test
  void shouldAcceptIsoInstantsAndLowerCaseEnums() throws IOException {
    String json =
        resource("minimal-event.json")
            .replace("1767225600900", "\"2026-01-01T00:00:00.900Z\"")
            .replace("\"ERROR\"", "\"error\"");

    LlmTraceEvent event = AvroJson.fromJson(json, LlmTraceEvent.class);

    assertThat(event.getEndTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00.900Z"));
    assertThat(event.getStatus()).isEqualTo(Status.ERROR);
  }

  @Test
  void shouldIgnoreUnknownFieldsFromNewerProducers() throws IOException {
    String json = resource("minimal-event.json").replace("}", ",\"field_from_the_future\":42}");

    assertThat(AvroJson.fromJson(json, LlmTraceEvent.class).getEventId()).isEqualTo("evt-min");
  }

  static String resource(String name) throws IOException {
    try (var in = AvroJsonTest.class.getResourceAsStream("/events/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }
}
