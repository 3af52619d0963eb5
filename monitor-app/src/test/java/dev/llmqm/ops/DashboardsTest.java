package dev.llmqm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the provisioned Grafana dashboards: structure, PromQL that promtool accepts, and the
 * contract that dashboards and rules only name series the monitor exposes.
 */
class DashboardsTest {
  private static final Set<String> PANEL_TYPES =
      Set.of("row", "timeseries", "stat", "gauge", "table", "heatmap", "bargauge", "text");
  private static final Pattern RANGE_FUNCTION =
      Pattern.compile("\\b(rate|irate|increase)\\s*\\((.*?)\\[([^\\]]+)]");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(?::[a-z]+)?}?");

  @Test
  void shouldShipTheFourDashboards() {
    assertThat(OpsFiles.dashboardFiles())
        .extracting(p -> p.getFileName().toString())
        .contains("overview.json", "segment-drilldown.json", "drift-alerts.json", "pipeline-health.json");
  }

  @Test
  void everyDashboardShouldHaveATitleAUniqueFixedUidAndADatasourceVariable() {
    Set<String> uids = new HashSet<>();
    for (Path file : OpsFiles.dashboardFiles()) {
      JsonNode d = read(file);
      assertThat(d.path("title").asText()).as("title of %s", file).isNotBlank();
      String uid = d.path("uid").asText();
      assertThat(uid).as("uid of %s", file).matches("[a-z0-9-]{1,40}");
      assertThat(uids.add(uid)).as("uid %s of %s is unique", uid, file).isTrue();
      assertThat(d.has("id") && !d.get("id").isNull()).as("%s has no fixed numeric id", file).isFalse();
      JsonNode datasource = variable(d, "datasource");
      assertThat(datasource).as("datasource variable of %s", file).isNotNull();
      assertThat(datasource.path("type").asText()).isEqualTo("datasource");
      assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
    }
  }

  @Test
  void segmentDrilldownShouldOfferEverySegmentVariableFromLabelValues() {
    JsonNode d = read(OpsFiles.repoRoot().resolve("grafana/dashboards/segment-drilldown.json"));
    for (String name : List.of("service", "model", "prompt_version", "variant", "tenant")) {
      JsonNode v = variable(d, name);
      assertThat(v).as("variable %s", name).isNotNull();
      assertThat(v.path("definition").asText()).startsWith("label_values(").endsWith(", " + name + ")");
      assertThat(v.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
    }
  }

  @Test
  void panelsShouldHaveKnownTypesAndFitTheTwentyFourColumnGrid() {
    for (Path file : OpsFiles.dashboardFiles()) {
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : panels(read(file))) {
        String title = panel.path("title").asText();
        assertThat(panel.path("type").asText()).as("type of %s / %s", file, title).isIn(PANEL_TYPES);
        assertThat(ids.add(panel.path("id").asInt())).as("unique id of %s / %s", file, title).isTrue();
        JsonNode pos = panel.path("gridPos");
        assertThat(pos.path("x").asInt()).as("x of %s", title).isBetween(0, 23);
        assertThat(pos.path("w").asInt()).as("w of %s", title).isBetween(1, 24);
        assertThat(pos.path("h").asInt()).as("h of %s", title).isPositive();
        assertThat(pos.path("x").asInt() + pos.path("w").asInt()).as("x + w of %s / %s", file, title)
            .isLessThanOrEqualTo(24);
      }
    }
  }

  @Test
  void everyQueryShouldUseTheDatasourceVariableAndRateInterval() {
    for (Path file : OpsFiles.dashboardFiles()) {
      for (JsonNode panel : panels(read(file))) {
        if (panel.path("type").asText().equals("row") || panel.path("type").asText().equals("text")) {
          continue;
        }
        assertThat(panel.path("datasource").path("uid").asText())
            .as("datasource of %s", panel.path("title").asText())
            .isEqualTo("${datasource}");
        assertThat(panel.path("targets")).as("targets of %s", panel.path("title").asText()).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
          Matcher m = RANGE_FUNCTION.matcher(target.path("expr").asText());
          while (m.find()) {
            assertThat(m.group(3))
                .as("range of %s in %s / %s", m.group(1), file.getFileName(), panel.path("title").asText())
                .isEqualTo("$__rate_interval");
          }
        }
      }
    }
  }

  @Test
  void everyPromqlExpressionShouldPassPromtool(@TempDir Path tmp) throws IOException {
    OpsFiles.assumeBinary("promtool");
    Map<String, String> exprs = dashboardExpressions();
    assertThat(exprs).isNotEmpty();
    List<Map<String, Object>> rules = new ArrayList<>();
    int i = 0;
    for (String expr : exprs.values()) {
      rules.add(Map.of("record", "dashboard:query:expr" + i++, "expr", concrete(expr)));
    }
    Path file = tmp.resolve("dashboard-queries.yml");
    OpsFiles.writeYaml(file, Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules))));
    OpsFiles.Result result = OpsFiles.run(tmp, Duration.ofSeconds(60), "promtool", "check", "rules", file.toString());
    assertThat(result.exitCode())
        .as("promtool check rules on dashboard queries:%n%s%n%s", result.output(), Files.readString(file))
        .isZero();
  }

  @Test
  void dashboardsAndRulesShouldOnlyNameSeriesTheMonitorExposes() {
    Set<String> exposed = OpsFiles.exposedSeries();
    Map<String, Set<String>> unknown = new LinkedHashMap<>();
    dashboardExpressions().forEach((where, expr) -> collectUnknown(where, expr, exposed, unknown));
    for (Map<String, Object> rule : OpsFiles.allRules()) {
      String where = "rule " + (rule.containsKey("alert") ? rule.get("alert") : rule.get("record"));
      collectUnknown(where, String.valueOf(rule.get("expr")), exposed, unknown);
    }
    assertThat(unknown).as("series not in %s", OpsFiles.EXPOSED_SERIES_RESOURCE).isEmpty();
  }

  @Test
  void exposedSeriesContractShouldBeReadFromTheResource() {
    assertThat(OpsFiles.exposedSeries()).contains("llm_requests_total").allMatch(n -> n.startsWith("llm_"));
    assertThat(OpsFiles.llmSeriesIn("sum(rate(llm_a_total{x=\"llm_b\"}[5m])) / service:llm_c:rate5m"))
        .containsExactly("llm_a_total");
  }

  @Test
  void provisioningShouldPointAtTheComposePrometheusAndTheDashboardsFolder() {
    Map<String, Object> ds =
        OpsFiles.readYaml(OpsFiles.repoRoot().resolve("grafana/provisioning/datasources/prometheus.yml"));
    Map<String, Object> prometheus = OpsFiles.map(OpsFiles.list(ds.get("datasources")).get(0));
    assertThat(prometheus).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
    Map<String, Object> providers =
        OpsFiles.readYaml(OpsFiles.repoRoot().resolve("grafana/provisioning/dashboards/dashboards.yml"));
    Map<String, Object> provider = OpsFiles.map(OpsFiles.list(providers.get("providers")).get(0));
    assertThat(OpsFiles.map(provider.get("options"))).containsEntry("path", "/var/lib/grafana/dashboards");
  }

  private static void collectUnknown(
      String where, String expr, Set<String> exposed, Map<String, Set<String>> unknown) {
    for (String series : OpsFiles.llmSeriesIn(expr)) {
      if (!exposed.contains(series)) {
        unknown.computeIfAbsent(where, k -> new TreeSet<>()).add(series);
      }
    }
  }

  /** Replaces Grafana's built-in and template variables with values PromQL accepts. */
  static String concrete(String expr) {
    String e =
        expr.replace("$__rate_interval", "1m")
            .replace("${__rate_interval}", "1m")
            .replace("$__interval", "1m")
            .replace("${__interval}", "1m")
            .replace("$__range", "1h")
            .replace("${__range}", "1h");
    return VARIABLE.matcher(e).replaceAll(".*");
  }

  /** Every PromQL expression of every dashboard (targets and variable queries), keyed by location. */
  static Map<String, String> dashboardExpressions() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path file : OpsFiles.dashboardFiles()) {
      JsonNode d = read(file);
      for (JsonNode panel : panels(d)) {
        int i = 0;
        for (JsonNode target : panel.path("targets")) {
          out.put(file.getFileName() + " / " + panel.path("title").asText() + " #" + i++, target.path("expr").asText());
        }
      }
      for (JsonNode v : d.path("templating").path("list")) {
        String def = v.path("definition").asText();
        Matcher m = Pattern.compile("label_values\\((.+),\\s*[a-z_]+\\)").matcher(def);
        if (m.matches()) {
          out.put(file.getFileName() + " / variable " + v.path("name").asText(), m.group(1));
        }
      }
    }
    return out;
  }

  static JsonNode read(Path file) {
    try {
      return OpsFiles.JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  static JsonNode variable(JsonNode dashboard, String name) {
    for (JsonNode v : dashboard.path("templating").path("list")) {
      if (name.equals(v.path("name").asText())) {
        return v;
      }
    }
    return null;
  }

  /** All panels, including those nested in collapsed rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    Set<JsonNode> seen = new LinkedHashSet<>();
    for (JsonNode p : dashboard.path("panels")) {
      out.add(p);
      for (JsonNode nested : p.path("panels")) {
        if (seen.add(nested)) {
          out.add(nested);
        }
      }
    }
    return out;
  }
}
