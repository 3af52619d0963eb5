package dev.llmqm.window;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * List prices in US dollars per million tokens (input, output, cached input) per provider and
 * model, versioned, with a built-in catalog ({@code pricing/price-catalog.json}) that a JSON file
 * of the same format can override or extend. Models match exactly, then by the longest catalog
 * prefix ({@code gpt-4o-2024-08-06} is priced as {@code gpt-4o}).
 */
public final class PriceCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUILT_IN = "/pricing/price-catalog.json";

  /** USD per million tokens. */
  record Price(double input, double output, double cachedInput) {}

  private final String version;
  private final Map<String, Price> byKey;

  private PriceCatalog(String version, Map<String, Price> byKey) {
    this.version = version;
    this.byKey = byKey;
  }

  public static PriceCatalog builtIn() {
    try (InputStream in = PriceCatalog.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("built-in price catalog missing from the jar");
      }
      Map<String, Price> prices = new HashMap<>();
      String version = parse(JSON.readTree(in), prices, "built-in catalog");
      return new PriceCatalog(version, Map.copyOf(prices));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in catalog with the entries of {@code overrideJson} on top. */
  public static PriceCatalog load(Path overrideJson) {
    PriceCatalog base = builtIn();
    Map<String, Price> prices = new HashMap<>(base.byKey);
    try {
      String version = parse(JSON.readTree(Files.readString(overrideJson)), prices, overrideJson.toString());
      return new PriceCatalog(base.version + "+" + version, Map.copyOf(prices));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read price catalog " + overrideJson + ": " + e.getMessage(), e);
    }
  }

  private static String parse(JsonNode root, Map<String, Price> into, String source) {
    if (root == null || !root.isObject() || !root.path("models").isArray()) {
      throw new IllegalArgumentException(source + ": expected {\"version\": ..., \"models\": [...]}");
    }
    String version = root.path("version").asText("unversioned");
    int i = 0;
    for (JsonNode m : root.path("models")) {
      String where = source + ": models[" + i++ + "]";
      String provider = m.path("provider").asText(null);
      String model = m.path("model").asText(null);
      if (provider == null || model == null || !m.path("input_per_mtok").isNumber() || !m.path("output_per_mtok").isNumber()) {
        throw new IllegalArgumentException(where + " needs provider, model, input_per_mtok and output_per_mtok");
      }
      double input = m.path("input_per_mtok").asDouble();
      double output = m.path("output_per_mtok").asDouble();
      double cached = m.path("cached_input_per_mtok").isNumber() ? m.path("cached_input_per_mtok").asDouble() : input;
      if (input < 0 || output < 0 || cached < 0) {
        throw new IllegalArgumentException(where + ": prices must not be negative");
      }
      into.put(key(provider, model), new Price(input, output, cached));
    }
    return version;
  }

  public String version() {
    return version;
  }

  /** Cost of one call, or empty when the model is unknown. Cached input tokens are part of {@code in}. */
  public OptionalDouble price(String provider, String model, long in, long out, long cachedIn) {
    if (provider == null || model == null) {
      return OptionalDouble.empty();
    }
    Price p = lookup(provider, model);
    if (p == null) {
      return OptionalDouble.empty();
    }
    long cached = Math.max(0, Math.min(cachedIn, in));
    double usd = ((in - cached) * p.input() + cached * p.cachedInput() + out * p.output()) / 1_000_000.0;
    return OptionalDouble.of(usd);
  }

  private Price lookup(String provider, String model) {
    String key = key(provider, model);
    Price exact = byKey.get(key);
    if (exact != null) {
      return exact;
    }
    Price best = null;
    int bestLength = -1;
    for (Iterator<Map.Entry<String, Price>> it = byKey.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Price> e = it.next();
      if (key.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
        best = e.getValue();
        bestLength = e.getKey().length();
      }
    }
    return best;
  }

  private static String key(String provider, String model) {
    return provider.toLowerCase(Locale.ROOT) + "/" + model.toLowerCase(Locale.ROOT);
  }
}
