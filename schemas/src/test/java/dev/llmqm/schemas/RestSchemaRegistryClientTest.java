package dev.llmqm.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.llmqm.schemas.registry.RegistryClientConfig;
import dev.llmqm.schemas.registry.RestSchemaRegistryClient;
import dev.llmqm.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unit tests of the REST client's HTTP handling against a scripted local HTTP server. */
class RestSchemaRegistryClientTest {
  private HttpServer server;
  private final Deque<int[]> statuses = new ArrayDeque<>();
  private final Deque<String> bodies = new ArrayDeque<>();
  private final List<String> requests = new ArrayList<>();
  private final List<String> authHeaders = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          authHeaders.add(exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.getRequestBody().readAllBytes();
          int status = statuses.isEmpty() ? 500 : statuses.poll()[0];
          byte[] body = (bodies.isEmpty() ? "{}" : bodies.poll()).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldRegisterOnceAndCacheTheId() {
    respond(200, "{\"id\":7}");
    var client = client(Map.of());

    int first = client.register("llm.traces.v1-value", LlmTraceEvent.getClassSchema());
    int second = client.register("llm.traces.v1-value", LlmTraceEvent.getClassSchema());

    assertThat(first).isEqualTo(7).isEqualTo(second);
    assertThat(requests).containsExactly("POST /subjects/llm.traces.v1-value/versions");
    assertThat(client.getById(7)).isEqualTo(LlmTraceEvent.getClassSchema());
    assertThat(requests).hasSize(1);
  }

  @Test
  void shouldFetchSchemasById() {
    String schema = LlmTraceEvent.getClassSchema().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    respond(200, "{\"schema\":\"" + schema + "\"}");

    assertThat(client(Map.of()).getById(3)).isEqualTo(LlmTraceEvent.getClassSchema());
    assertThat(requests).containsExactly("GET /schemas/ids/3");
  }

  @Test
  void shouldRaiseTypedErrorsFor4xxWithoutRetrying() {
    respond(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");
    respond(404, "{\"error_code\":40403,\"message\":\"Schema 42 not found\"}");
    respond(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
    respond(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");
    var client = client(Map.of());

    assertThatThrownBy(() -> client.register("s", LlmTraceEvent.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.IncompatibleSchemaException.class)
        .hasMessageContaining("incompatible");
    assertThatThrownBy(() -> client.getById(42))
        .isInstanceOfSatisfying(
            SchemaRegistryException.NotFoundException.class,
            e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> client.getById(43))
        .isInstanceOf(SchemaRegistryException.AuthenticationException.class);
    assertThatThrownBy(() -> client.register("s", LlmTraceEvent.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.InvalidRequestException.class);
    assertThat(requests).hasSize(4);
  }

  @Test
  void shouldRetry5xxWithBackoffThenSucceed() {
    respond(503, "{\"message\":\"busy\"}");
    respond(500, "oops");
    respond(200, "{\"id\":11}");

    assertThat(client(Map.of()).register("s", LlmTraceEvent.getClassSchema())).isEqualTo(11);
    assertThat(requests).hasSize(3);
  }

  @Test
  void shouldGiveUpAfterTheConfiguredRetries() {
    var client = client(Map.of(RegistryClientConfig.MAX_RETRIES, "2"));

    assertThatThrownBy(() -> client.register("s", LlmTraceEvent.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.UnavailableException.class)
        .hasMessageContaining("after 3 attempts");
    assertThat(requests).hasSize(3);
  }

  @Test
  void shouldRetryIoErrorsOnTheNextUrl() {
    respond(200, "{\"id\":5}");
    String dead = "http://127.0.0.1:1";
    var client =
        new RestSchemaRegistryClient(
            RegistryClientConfig.fromMap(
                Map.of(RegistryClientConfig.URL, dead + "," + url(), RegistryClientConfig.RETRY_BACKOFF_MS, "1")));

    assertThat(client.register("s", LlmTraceEvent.getClassSchema())).isEqualTo(5);
  }

  @Test
  void shouldSendBasicAuthAndNeverPrintTheSecret() {
    respond(200, "{\"id\":1}");
    var config =
        RegistryClientConfig.fromMap(
            Map.of(
                RegistryClientConfig.URL, url(),
                RegistryClientConfig.BASIC_AUTH_SOURCE, "USER_INFO",
                RegistryClientConfig.BASIC_AUTH_USER_INFO, "monitor:s3cret"));

    new RestSchemaRegistryClient(config).register("s", LlmTraceEvent.getClassSchema());

    assertThat(authHeaders).containsExactly("Basic bW9uaXRvcjpzM2NyZXQ=");
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void shouldReportBadSettingsClearly() {
    assertThatThrownBy(() -> RegistryClientConfig.fromMap(Map.of()))
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(
            () -> RegistryClientConfig.fromMap(Map.of(RegistryClientConfig.URL, url(), RegistryClientConfig.MAX_RETRIES, "x")))
        .hasMessageContaining("schema.registry.max.retries must be a number");
  }

  private RestSchemaRegistryClient client(Map<String, String> extra) {
    var configs = new java.util.HashMap<String, Object>(extra);
    configs.put(RegistryClientConfig.URL, url());
    configs.putIfAbsent(RegistryClientConfig.RETRY_BACKOFF_MS, "1");
    return new RestSchemaRegistryClient(RegistryClientConfig.fromMap(configs));
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void respond(int status, String body) {
    statuses.add(new int[] {status});
    bodies.add(body);
  }
}
