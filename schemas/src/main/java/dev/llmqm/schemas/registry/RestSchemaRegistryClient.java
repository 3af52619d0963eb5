package dev.llmqm.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent Schema Registry REST client: works with Confluent Schema Registry, Karapace,
 * Redpanda and Apicurio's Confluent-compatible API. Results are cached (ids and schemas never
 * change once assigned); I/O errors and 5xx responses are retried with exponential backoff; 4xx
 * responses raise typed {@link SchemaRegistryException}s at once.
 */
public final class RestSchemaRegistryClient implements SchemaRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClientConfig config;
  private final HttpClient http;
  private final String authorization;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

  public RestSchemaRegistryClient(RegistryClientConfig config) {
    this.config = config;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (config.trustStore() != null || config.keyStore() != null) {
      builder.sslContext(sslContext(config));
    }
    this.http = builder.build();
    this.authorization =
        config.basicAuthUserInfo() == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(config.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int register(String subject, Schema schema) {
    Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    JsonNode body = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = requireId(body);
    ids.put(schema, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public int lookup(String subject, Schema schema) {
    Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    JsonNode body = call("POST", "/subjects/" + encode(subject), schemaBody(schema));
    int id = requireId(body);
    ids.put(schema, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode body = call("GET", "/schemas/ids/" + id, null);
    JsonNode text = body.get("schema");
    if (text == null || !text.isTextual()) {
      throw new SchemaRegistryException(
          "Registry response for schema id " + id + " has no 'schema' field", 200, -1);
    }
    JsonNode type = body.get("schemaType");
    if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
      throw new SchemaRegistryException(
          "Schema id " + id + " is of type " + type.asText() + ", expected AVRO", 200, -1);
    }
    Schema schema;
    try {
      schema = new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException("Schema id " + id + " is not valid Avro", 200, -1, e);
    }
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous == null ? schema : previous;
  }

  private static String schemaBody(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int requireId(JsonNode body) {
    JsonNode id = body.get("id");
    if (id == null || !id.canConvertToInt()) {
      throw new SchemaRegistryException("Registry response has no schema 'id'", 200, -1);
    }
    return id.asInt();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** One REST call with retries across URLs and attempts; 4xx responses are not retried. */
  private JsonNode call(String method, String path, String body) {
    int attempts = config.maxRetries() + 1;
    Duration backoff = config.retryBackoff();
    SchemaRegistryException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      for (String base : config.urls()) {
        try {
          return callOnce(method, base + path, body);
        } catch (SchemaRegistryException.UnavailableException e) {
          last = e;
          LOG.debug("Schema Registry {} {} failed (attempt {}): {}", method, path, attempt, e.getMessage());
        }
      }
      if (attempt < attempts) {
        sleep(backoff);
        backoff = min(backoff.multipliedBy(2), config.retryBackoffMax());
      }
    }
    throw new SchemaRegistryException.UnavailableException(
        "Schema Registry unavailable after " + attempts + " attempts: " + last.getMessage(),
        last.httpStatus(),
        last);
  }

  private JsonNode callOnce(String method, String url, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(config.requestTimeout())
            .header("Accept", CONTENT_TYPE + ", application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", CONTENT_TYPE);
      request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SchemaRegistryException.UnavailableException(
          "I/O error calling " + method + " " + url + ": " + e, -1, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException.UnavailableException("Interrupted", -1, e);
    }
    int status = response.statusCode();
    JsonNode json = parse(response.body());
    if (status >= 200 && status < 300) {
      if (json == null) {
        throw new SchemaRegistryException("Registry returned a non-JSON body", status, -1);
      }
      return json;
    }
    int errorCode = json != null && json.has("error_code") ? json.get("error_code").asInt(-1) : -1;
    String message =
        json != null && json.has("message") ? json.get("message").asText() : "HTTP " + status;
    String what = method + " " + url + " -> " + status + " " + message;
    if (status >= 500) {
      throw new SchemaRegistryException.UnavailableException(what, status, null);
    }
    switch (status) {
      case 409:
        throw new SchemaRegistryException.IncompatibleSchemaException(what, errorCode);
      case 404:
        throw new SchemaRegistryException.NotFoundException(what, errorCode);
      case 401:
      case 403:
        throw new SchemaRegistryException.AuthenticationException(what, status);
      case 408:
      case 429:
        throw new SchemaRegistryException.UnavailableException(what, status, null);
      default:
        throw new SchemaRegistryException.InvalidRequestException(what, status, errorCode);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException.UnavailableException("Interrupted", -1, e);
    }
  }

  private static SSLContext sslContext(RegistryClientConfig config) {
    try {
      TrustManagerFactory tmf = null;
      if (config.trustStore() != null) {
        KeyStore ts = load(config.trustStore());
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
      }
      KeyManagerFactory kmf = null;
      if (config.keyStore() != null) {
        KeyStore ks = load(config.keyStore());
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String keyPassword =
            config.keyStore().keyPassword() != null
                ? config.keyStore().keyPassword()
                : config.keyStore().password();
        kmf.init(ks, keyPassword == null ? null : keyPassword.toCharArray());
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(
          kmf == null ? null : kmf.getKeyManagers(),
          tmf == null ? null : tmf.getTrustManagers(),
          null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("Cannot set up TLS for the Schema Registry: " + e, e);
    }
  }

  private static KeyStore load(RegistryClientConfig.StoreConfig store)
      throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance(store.type());
    try (InputStream in = Files.newInputStream(Path.of(store.location()))) {
      ks.load(in, store.password() == null ? null : store.password().toCharArray());
    }
    return ks;
  }
}
