package dev.llmqm.schemas.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the Schema Registry client, read from the same keys Confluent's serializers use so
 * that existing client configurations carry over.
 *
 * @param urls base URLs, tried in order on I/O errors; a single {@code mock://scope} selects the
 *     in-memory registry
 * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or null
 * @param trustStore PKCS12/JKS trust store for TLS, or null for the JVM default
 * @param keyStore key store for mutual TLS, or null
 */
public record RegistryClientConfig(
    List<String> urls,
    String basicAuthUserInfo,
    StoreConfig trustStore,
    StoreConfig keyStore,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRetries,
    Duration retryBackoff,
    Duration retryBackoffMax,
    boolean autoRegisterSchemas) {

  public static final String URL = "schema.registry.url";
  public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  public static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  public static final String KEY_PASSWORD = "schema.registry.ssl.key.password";
  public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
  public static final String MAX_RETRIES = "schema.registry.max.retries";
  public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";
  public static final String AUTO_REGISTER = "auto.register.schemas";

  /** A key or trust store. */
  public record StoreConfig(String location, String password, String type, String keyPassword) {
    @Override
    public String toString() {
      return "StoreConfig[location=" + location + ", type=" + type + ", password=****]";
    }
  }

  public RegistryClientConfig {
    Objects.requireNonNull(urls, "urls");
    if (urls.isEmpty()) {
      throw new IllegalArgumentException(URL + " is required");
    }
    urls = List.copyOf(urls);
  }

  /** Defaults for everything but the URL. */
  public static RegistryClientConfig of(String url) {
    return fromMap(Map.of(URL, url));
  }

  /** Reads the settings from serializer or application configs. */
  public static RegistryClientConfig fromMap(Map<String, ?> configs) {
    Object url = configs.get(URL);
    if (url == null || url.toString().isBlank()) {
      throw new IllegalArgumentException(
          "Missing '" + URL + "': set it to the Schema Registry base URL(s) or mock://<scope>");
    }
    List<String> urls = new ArrayList<>();
    for (String u : url.toString().split(",")) {
      String trimmed = u.trim();
      if (!trimmed.isEmpty()) {
        urls.add(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
      }
    }
    String userInfo = string(configs, BASIC_AUTH_USER_INFO);
    String source = string(configs, BASIC_AUTH_SOURCE);
    if (source != null && !source.equals("USER_INFO") && !source.equals("URL")) {
      throw new IllegalArgumentException(
          BASIC_AUTH_SOURCE + " must be USER_INFO or URL, was " + source);
    }
    StoreConfig trust = store(configs, TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE, null);
    StoreConfig key = store(configs, KEYSTORE_LOCATION, KEYSTORE_PASSWORD, KEYSTORE_TYPE, KEY_PASSWORD);
    return new RegistryClientConfig(
        urls,
        userInfo,
        trust,
        key,
        Duration.ofMillis(number(configs, CONNECT_TIMEOUT_MS, 5_000)),
        Duration.ofMillis(number(configs, REQUEST_TIMEOUT_MS, 10_000)),
        (int) number(configs, MAX_RETRIES, 3),
        Duration.ofMillis(number(configs, RETRY_BACKOFF_MS, 200)),
        Duration.ofMillis(number(configs, RETRY_BACKOFF_MAX_MS, 5_000)),
        !"false".equalsIgnoreCase(String.valueOf(configs.get(AUTO_REGISTER))));
  }

  /** Whether the URL selects the in-memory registry. */
  public boolean isMock() {
    return urls.get(0).startsWith("mock://");
  }

  @Override
  public String toString() {
    return "RegistryClientConfig[urls="
        + urls
        + ", basicAuth="
        + (basicAuthUserInfo == null ? "none" : "****")
        + ", trustStore="
        + trustStore
        + ", keyStore="
        + keyStore
        + ", requestTimeout="
        + requestTimeout
        + ", maxRetries="
        + maxRetries
        + "]";
  }

  private static StoreConfig store(
      Map<String, ?> c, String location, String password, String type, String keyPassword) {
    String loc = string(c, location);
    if (loc == null) {
      return null;
    }
    String t = string(c, type);
    return new StoreConfig(
        loc,
        string(c, password),
        t == null ? "PKCS12" : t,
        keyPassword == null ? null : string(c, keyPassword));
  }

  private static String string(Map<String, ?> c, String key) {
    Object v = c.get(key);
    if (v == null) {
      return null;
    }
    String s = v.toString();
    return s.isBlank() ? null : s;
  }

  private static long number(Map<String, ?> c, String key, long defaultValue) {
    Object v = c.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      long n = Long.parseLong(v.toString().trim());
      if (n < 0) {
        throw new IllegalArgumentException(key + " must not be negative, was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + v + "'", e);
    }
  }
}
