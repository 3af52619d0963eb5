package dev.llmqm.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Versioned price catalog: USD per 1M input, output and cached-input tokens per provider and model.
 * The built-in catalog is {@code pricing/price-catalog.json} on the class path; {@link #load(Path)}
 * merges an override file of the same shape over it (an override entry replaces the built-in entry
 * with the same provider and model; aliases are added).
 *
 * <p>File format:
 *
 * <pre>{@code
 * {
 *   "version": "2026-11-01",                       // required in the built-in file, optional in overrides
 *   "provider_aliases": {"gcp.gemini": "google"},  // optional
 *   "models": [
 *     {"provider": "openai", "model": "gpt-4o", "input": 2.50, "output": 10.00,
 *      "cached_input": 1.25, "source": "https://openai.com/api/pricing/"}
 *   ]
 * }
 * }</pre>
 *
 * <p>Lookup: provider names are compared case-insensitively after applying aliases; a provider not
 * in the catalog (e.g. a reseller) is matched against every provider's models. Model names match
 * exactly, then by the longest catalog model name that is a prefix of the requested one ({@code
 * gpt-4o-2024-08-06} → {@code gpt-4o}); a {@code vendor/} prefix ({@code openai/gpt-4o}, {@code
 * models/gemini-2.5-pro}) is ignored when the full name does not match. Input tokens include the
 * cached ones: cost = (in − cached) × input + cached × cached_input + out × output, per 1M.
 * Thread-safe; lookups are cached (allocation-free after the first call per provider and model).
 */
public final class PriceCatalog {

  /** Class-path location of the built-in catalog. */
  public static final String BUILT_IN_RESOURCE = "/pricing/price-catalog.json";

  private static final int MAX_CACHED_LOOKUPS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Price NONE = new Price("", "", 0, 0, 0, "");

  /** One catalog entry; prices in USD per 1M tokens. */
  public record Price(
      String provider,
      String model,
      double inputPerMillion,
      double outputPerMillion,
      double cachedInputPerMillion,
      String source) {

    /** Cost in USD of a call; {@code in} includes {@code cachedIn}. */
    public double cost(long in, long out, long cachedIn) {
      long cached = Math.min(Math.max(cachedIn, 0), Math.max(in, 0));
      long uncached = Math.max(in, 0) - cached;
      return (uncached * inputPerMillion
              + cached * cachedInputPerMillion
              + Math.max(out, 0) * outputPerMillion)
          / 1_000_000.0;
    }
  }

  private static volatile PriceCatalog builtIn;

  private final String version;
  private final Map<String, String> aliases;
  /** provider → model → price, both lower case. */
  private final Map<String, Map<String, Price>> prices;

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Price>> cache =
      new ConcurrentHashMap<>();
  private final AtomicInteger cached = new AtomicInteger();

  private PriceCatalog(
      String version, Map<String, String> aliases, Map<String, Map<String, Price>> prices) {
    this.version = version;
    this.aliases = aliases;
    this.prices = prices;
  }

  /** The catalog shipped in the jar. */
  public static PriceCatalog builtIn() {
    PriceCatalog c = builtIn;
    if (c == null) {
      synchronized (PriceCatalog.class) {
        c = builtIn;
        if (c == null) {
          builtIn = c = loadBuiltIn();
        }
      }
    }
    return c;
  }

  /**
   * The built-in catalog with the entries of {@code overrideJson} merged over it. Throws {@link
   * IllegalArgumentException} naming the file and every problem in it when it cannot be read or is
   * not a valid catalog.
   */
  public static PriceCatalog load(Path overrideJson) {
    Objects.requireNonNull(overrideJson, "overrideJson");
    String where = "price catalog override " + overrideJson;
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(overrideJson));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": cannot read: " + e, e);
    }
    return builtIn().overriddenBy(root, where);
  }

  /** Parses a complete catalog (as the built-in one) from JSON text; for tests and tools. */
  public static PriceCatalog parse(String json) {
    try {
      return parse(JSON.readTree(json), "price catalog", true);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "price catalog: not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The catalog version, e.g. {@code 2026-11-01}; overrides without a version append "+override". */
  public String version() {
    return version;
  }

  /** Every entry, sorted by provider and model. */
  public List<Price> entries() {
    List<Price> l = new ArrayList<>();
    prices.values().forEach(m -> l.addAll(m.values()));
    return Collections.unmodifiableList(l);
  }

  /** The entry used for a provider and model, if any. */
  public java.util.Optional<Price> find(String provider, String model) {
    Price p = lookup(provider, model);
    return p == NONE ? java.util.Optional.empty() : java.util.Optional.of(p);
  }

  /** Cost in USD of a call, empty when the model is unknown. */
  public OptionalDouble price(String provider, String model, long in, long out, long cachedIn) {
    double c = priceOrNaN(provider, model, in, out, cachedIn);
    return Double.isNaN(c) ? OptionalDouble.empty() : OptionalDouble.of(c);
  }

  /** As {@link #price} without allocating: NaN when the model is unknown. */
  public double priceOrNaN(String provider, String model, long in, long out, long cachedIn) {
    Price p = lookup(provider, model);
    return p == NONE ? Double.NaN : p.cost(in, out, cachedIn);
  }

  private Price lookup(String provider, String model) {
    if (model == null) {
      return NONE;
    }
    String pk = provider == null ? "" : provider;
    ConcurrentHashMap<String, Price> byModel = cache.get(pk);
    if (byModel != null) {
      Price p = byModel.get(model);
      if (p != null) {
        return p;
      }
    }
    Price p = resolve(provider, model);
    if (cached.get() < MAX_CACHED_LOOKUPS) {
      if (cache.computeIfAbsent(pk, k -> new ConcurrentHashMap<>()).putIfAbsent(model, p)
          == null) {
        cached.incrementAndGet();
      }
    }
    return p;
  }

  private Price resolve(String provider, String model) {
    String m = model.trim().toLowerCase(Locale.ROOT);
    String pr = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
    pr = aliases.getOrDefault(pr, pr);
    Map<String, Price> models = prices.get(pr);
    Price p = models != null ? match(models, m) : matchAny(m);
    int slash = m.lastIndexOf('/');
    if (p == NONE && slash >= 0 && slash < m.length() - 1) {
      String bare = m.substring(slash + 1);
      p = models != null ? match(models, bare) : matchAny(bare);
    }
    return p;
  }

  private Price matchAny(String model) {
    Price best = NONE;
    for (Map<String, Price> models : prices.values()) {
      Price p = match(models, model);
      if (p != NONE && (best == NONE || p.model().length() > best.model().length())) {
        best = p;
      }
    }
    return best;
  }

  private static Price match(Map<String, Price> models, String model) {
    Price exact = models.get(model);
    if (exact != null) {
      return exact;
    }
    Price best = NONE;
    for (Map.Entry<String, Price> e : models.entrySet()) {
      if (model.startsWith(e.getKey())
          && (best == NONE || e.getKey().length() > best.model().length())) {
        best = e.getValue();
      }
    }
    return best;
  }

  private static PriceCatalog loadBuiltIn() {
    try (InputStream in = PriceCatalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in price catalog missing: " + BUILT_IN_RESOURCE);
      }
      return parse(JSON.readTree(in), "built-in price catalog", true);
    } catch (IOException e) {
      throw new IllegalStateException("built-in price catalog unreadable", e);
    }
  }

  private PriceCatalog overriddenBy(JsonNode root, String where) {
    PriceCatalog o = parse(root, where, false);
    Map<String, String> a = new TreeMap<>(aliases);
    a.putAll(o.aliases);
    Map<String, Map<String, Price>> p = new TreeMap<>();
    prices.forEach((k, v) -> p.put(k, new TreeMap<>(v)));
    o.prices.forEach((k, v) -> p.computeIfAbsent(k, x -> new TreeMap<>()).putAll(v));
    String v = o.version != null ? o.version : version + "+override";
    return new PriceCatalog(v, freeze(a), freezeNested(p));
  }

  private static PriceCatalog parse(JsonNode root, String where, boolean versionRequired) {
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(where + ": expected a JSON object");
    }
    String version = null;
    JsonNode v = root.get("version");
    if (v != null && v.isTextual() && !v.asText().isBlank()) {
      version = v.asText().trim();
    } else if (v != null || versionRequired) {
      problems.add("\"version\" must be a non-empty string");
    }
    Map<String, String> aliases = new TreeMap<>();
    JsonNode al = root.get("provider_aliases");
    if (al != null) {
      if (!al.isObject()) {
        problems.add("\"provider_aliases\" must be an object of strings");
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = al.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getValue().isTextual()) {
            problems.add("provider_aliases." + e.getKey() + " must be a string");
          } else {
            aliases.put(
                e.getKey().trim().toLowerCase(Locale.ROOT),
                e.getValue().asText().trim().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    Map<String, Map<String, Price>> prices = new TreeMap<>();
    JsonNode models = root.get("models");
    if (models == null || !models.isArray()) {
      problems.add("\"models\" must be an array");
    } else {
      for (int i = 0; i < models.size(); i++) {
        String at = "models[" + i + "]";
        JsonNode e = models.get(i);
        if (!e.isObject()) {
          problems.add(at + " must be an object");
          continue;
        }
        String provider = text(e, "provider", at, problems);
        String model = text(e, "model", at, problems);
        double in = number(e, "input", at, problems, true, Double.NaN);
        double out = number(e, "output", at, problems, true, Double.NaN);
        double cachedIn = number(e, "cached_input", at, problems, false, in);
        JsonNode src = e.get("source");
        if (provider == null || model == null || Double.isNaN(in) || Double.isNaN(out)) {
          continue;
        }
        String p = provider.toLowerCase(Locale.ROOT);
        String m = model.toLowerCase(Locale.ROOT);
        Price price = new Price(p, m, in, out, cachedIn, src == null ? "" : src.asText());
        if (prices.computeIfAbsent(p, x -> new TreeMap<>()).put(m, price) != null) {
          problems.add(at + ": duplicate entry for " + p + "/" + m);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(where + ": " + String.join("; ", problems));
    }
    return new PriceCatalog(version, freeze(aliases), freezeNested(prices));
  }

  private static String text(JsonNode e, String field, String at, List<String> problems) {
    JsonNode n = e.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      problems.add(at + "." + field + " must be a non-empty string");
      return null;
    }
    return n.asText().trim();
  }

  private static double number(
      JsonNode e, String field, String at, List<String> problems, boolean required, double dflt) {
    JsonNode n = e.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        problems.add(at + "." + field + " is required (USD per 1M tokens)");
        return Double.NaN;
      }
      return dflt;
    }
    if (!n.isNumber() || !(n.asDouble() >= 0) || Double.isInfinite(n.asDouble())) {
      problems.add(at + "." + field + " must be a non-negative number, got " + n);
      return Double.NaN;
    }
    return n.asDouble();
  }

  private static Map<String, String> freeze(Map<String, String> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  private static Map<String, Map<String, Price>> freezeNested(Map<String, Map<String, Price>> m) {
    Map<String, Map<String, Price>> r = new LinkedHashMap<>();
    m.forEach((k, v) -> r.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    return Collections.unmodifiableMap(r);
  }
}
