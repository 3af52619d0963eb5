package dev.llmqm.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCatalogTest {

  private final PriceCatalog catalog = PriceCatalog.builtIn();

  @Test
  void shouldShipAVersionedCatalogWithTheCommonModels() {
    assertThat(catalog.version()).matches("\\d{4}-\\d{2}-\\d{2}");
    Set<String> models = catalog.entries().stream()
        .map(p -> p.provider() + "/" + p.model()).collect(Collectors.toSet());
    assertThat(models).contains(
        "openai/gpt-4o", "openai/gpt-4o-mini", "openai/gpt-4.1", "openai/gpt-4.1-mini",
        "openai/gpt-4.1-nano", "openai/o3", "openai/o4-mini", "openai/gpt-5", "openai/gpt-5-mini",
        "anthropic/claude-3-5-haiku", "anthropic/claude-sonnet-4", "anthropic/claude-opus-4",
        "anthropic/claude-3-7-sonnet", "google/gemini-2.5-pro", "google/gemini-2.5-flash",
        "google/gemini-2.0-flash", "mistral/mistral-large", "mistral/mistral-small");
    assertThat(catalog.entries()).allSatisfy(p -> {
      assertThat(p.inputPerMillion()).isPositive();
      assertThat(p.outputPerMillion()).isGreaterThanOrEqualTo(p.inputPerMillion());
      assertThat(p.cachedInputPerMillion()).isLessThanOrEqualTo(p.inputPerMillion());
      assertThat(p.source()).startsWith("https://");
    });
  }

  @Test
  void shouldMatchExactlyThenByLongestPrefix() {
    assertThat(catalog.find("openai", "gpt-4o").orElseThrow().model()).isEqualTo("gpt-4o");
    assertThat(catalog.find("openai", "gpt-4o-2024-08-06").orElseThrow().model())
        .isEqualTo("gpt-4o");
    assertThat(catalog.find("openai", "gpt-4o-mini-2024-07-18").orElseThrow().model())
        .isEqualTo("gpt-4o-mini");
    assertThat(catalog.find("anthropic", "claude-sonnet-4-20250514").orElseThrow().model())
        .isEqualTo("claude-sonnet-4");
    assertThat(catalog.find("OpenAI", "GPT-4.1-mini").orElseThrow().model())
        .isEqualTo("gpt-4.1-mini");
    assertThat(catalog.find("openai", "openai/gpt-4o").orElseThrow().model()).isEqualTo("gpt-4o");
  }

  @Test
  void shouldResolveProviderAliasesAndUnknownProviders() {
    assertThat(catalog.find("gcp.gemini", "gemini-2.5-flash").orElseThrow().provider())
        .isEqualTo("google");
    assertThat(catalog.find("mistral_ai", "mistral-large-latest").orElseThrow().model())
        .isEqualTo("mistral-large");
    assertThat(catalog.find("some-reseller", "claude-3-7-sonnet-20250219").orElseThrow().model())
        .isEqualTo("claude-3-7-sonnet");
    assertThat(catalog.find(null, "gpt-4.1-nano").orElseThrow().model()).isEqualTo("gpt-4.1-nano");
  }

  @Test
  void shouldBeEmptyForUnknownModels() {
    assertThat(catalog.price("openai", "davinci-003", 10, 10, 0)).isEmpty();
    assertThat(catalog.price("anthropic", "gpt-4o", 10, 10, 0)).isEmpty();
    assertThat(catalog.price("openai", null, 10, 10, 0)).isEmpty();
    assertThat(catalog.priceOrNaN("x", "y", 1, 1, 0)).isNaN();
  }

  @Test
  void shouldPriceCachedInputSeparately() {
    // gpt-4o: 2.50 input, 1.25 cached input, 10.00 output per 1M
    assertThat(catalog.price("openai", "gpt-4o", 1_000_000, 1_000_000, 0).getAsDouble())
        .isCloseTo(12.5, within(1e-12));
    assertThat(catalog.price("openai", "gpt-4o", 1_000_000, 0, 1_000_000).getAsDouble())
        .isCloseTo(1.25, within(1e-12));
    // cached tokens beyond the input are capped
    assertThat(catalog.price("openai", "gpt-4o", 100, 0, 1_000).getAsDouble())
        .isCloseTo(100 * 1.25 / 1e6, within(1e-15));
    // repeated lookups give the same answer (cached)
    assertThat(catalog.price("openai", "gpt-4o-2024-08-06", 1000, 100, 0))
        .isEqualTo(catalog.price("openai", "gpt-4o-2024-08-06", 1000, 100, 0));
  }

  @Test
  void shouldMergeAnOverrideFileOverTheBuiltInCatalog(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("prices.json");
    Files.writeString(f, """
        {"version": "acme-2026-12",
         "provider_aliases": {"acme-gateway": "openai"},
         "models": [
           {"provider": "openai", "model": "gpt-4o", "input": 2.0, "output": 8.0},
           {"provider": "acme", "model": "acme-llm", "input": 1.0, "output": 2.0,
            "cached_input": 0.5, "source": "contract 42"}
         ]}
        """);
    PriceCatalog c = PriceCatalog.load(f);
    assertThat(c.version()).isEqualTo("acme-2026-12");
    assertThat(c.price("openai", "gpt-4o", 1_000_000, 0, 0).getAsDouble()).isEqualTo(2.0);
    // without cached_input, cached tokens cost as much as input
    assertThat(c.price("openai", "gpt-4o", 1_000_000, 0, 1_000_000).getAsDouble()).isEqualTo(2.0);
    assertThat(c.price("acme", "acme-llm-v2", 0, 1_000_000, 0).getAsDouble()).isEqualTo(2.0);
    assertThat(c.find("acme-gateway", "gpt-4o-mini").orElseThrow().model())
        .isEqualTo("gpt-4o-mini");
    assertThat(c.price("openai", "gpt-4.1", 1_000_000, 0, 0).getAsDouble()).isEqualTo(2.0);
    // the built-in catalog is unchanged
    assertThat(catalog.price("openai", "gpt-4o", 1_000_000, 0, 0).getAsDouble()).isEqualTo(2.5);
  }

  @Test
  void shouldAppendOverrideToTheVersionWhenTheFileHasNone(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("prices.json");
    Files.writeString(f, "{\"models\": []}");
    assertThat(PriceCatalog.load(f).version()).isEqualTo(catalog.version() + "+override");
  }

  @Test
  void shouldReportEveryProblemOfABadFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, """
        {"models": [
           {"provider": "openai", "model": "gpt-4o", "input": -1, "output": 8.0},
           {"provider": "openai", "output": 8.0},
           "nope"
        ]}
        """);
    assertThatThrownBy(() -> PriceCatalog.load(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("models[0].input must be a non-negative number")
        .hasMessageContaining("models[1].model must be a non-empty string")
        .hasMessageContaining("models[1].input is required")
        .hasMessageContaining("models[2] must be an object");
  }

  @Test
  void shouldReportUnreadableAndInvalidJson(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> PriceCatalog.load(dir.resolve("missing.json")))
        .hasMessageContaining("cannot read");
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "{\"models\": [");
    assertThatThrownBy(() -> PriceCatalog.load(f)).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> PriceCatalog.parse("{\"models\": []}"))
        .hasMessageContaining("\"version\"");
    assertThatThrownBy(() -> PriceCatalog.parse("""
        {"version": "v", "models": [
          {"provider": "a", "model": "m", "input": 1, "output": 1},
          {"provider": "A", "model": "M", "input": 1, "output": 1}]}
        """)).hasMessageContaining("duplicate");
    assertThat(PriceCatalog.parse("{\"version\": \"v\", \"models\": []}").entries())
        .isEqualTo(List.of());
  }
}
