package dev.llmqm.ops;

import static dev.llmqm.ops.OpsFiles.list;
import static dev.llmqm.ops.OpsFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks alerts/: promtool accepts every file, every alert is documented, labelled and unit-tested. */
class AlertRulesTest {
  private static final Duration PROMTOOL_TIMEOUT = Duration.ofSeconds(60);
  private static final String RUNBOOK_PREFIX =
      "https://github.com/llmqm/llm-quality-monitor/blob/main/README.md#";
  private static final Pattern LEVEL_METRIC_OPERATION =
      Pattern.compile("[a-z][a-z0-9_]*:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern ALLOWED_TEMPLATE =
      Pattern.compile(
          "\\s*\\$(?:labels\\.([a-z_]+)|value)(?:\\s*\\|\\s*(?:humanize|humanizePercentage|humanizeDuration))?\\s*");
  /** Labels an annotation may show: bounded label values only, never event text or ids. */
  private static final Set<String> LABELS_ALLOWED_IN_ANNOTATIONS =
      Set.of(
          "service", "feature", "model", "prompt_version", "variant", "tenant", "signal", "severity",
          "slo", "reason", "flag", "outcome", "dimension", "job", "instance", "check");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);

  @Test
  void shouldPassPromtoolCheckForEveryRuleFile() {
    OpsFiles.assumeBinary("promtool");
    assertThat(OpsFiles.ruleFiles()).isNotEmpty();
    for (Path file : OpsFiles.ruleFiles()) {
      OpsFiles.Result result =
          OpsFiles.run(OpsFiles.alertsDir(), PROMTOOL_TIMEOUT, "promtool", "check", "rules", file.toString());
      assertThat(result.exitCode()).as("promtool check rules %s:%n%s", file, result.output()).isZero();
    }
  }

  @Test
  void shouldPassEveryPromtoolUnitTestFile() {
    OpsFiles.assumeBinary("promtool");
    assertThat(OpsFiles.ruleTestFiles()).isNotEmpty();
    for (Path file : OpsFiles.ruleTestFiles()) {
      OpsFiles.Result result =
          OpsFiles.run(
              file.getParent(), PROMTOOL_TIMEOUT, "promtool", "test", "rules", file.getFileName().toString());
      assertThat(result.exitCode()).as("promtool test rules %s:%n%s", file, result.output()).isZero();
    }
  }

  @Test
  void shouldPassPromtoolCheckOfThePrometheusConfigAndTheRuleFilesItLoads() {
    OpsFiles.assumeBinary("promtool");
    OpsFiles.Result result =
        OpsFiles.run(OpsFiles.alertsDir(), PROMTOOL_TIMEOUT, "promtool", "check", "config", "prometheus.yml");
    assertThat(result.exitCode()).as("promtool check config:%n%s", result.output()).isZero();
    assertThat(result.output()).contains(OpsFiles.ruleFiles().size() + " rule files found");
  }

  @Test
  void shouldScrapeTheMonitorAndAlertToAlertmanager() {
    Map<String, Object> config = OpsFiles.readYaml(OpsFiles.alertsDir().resolve("prometheus.yml"));
    assertThat(list(config.get("rule_files"))).containsExactly("rules/*.yml");
    List<Object> scrapeConfigs = list(config.get("scrape_configs"));
    Map<String, Object> monitorJob =
        scrapeConfigs.stream()
            .map(OpsFiles::map)
            .filter(j -> "llm-quality-monitor".equals(j.get("job_name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no scrape job llm-quality-monitor"));
    assertThat(monitorJob.get("scrape_interval")).isEqualTo("15s");
    assertThat(list(map(list(monitorJob.get("static_configs")).get(0)).get("targets")))
        .containsExactly("monitor:8080");
    Object alertmanagers = map(config.get("alerting")).get("alertmanagers");
    assertThat(list(map(list(map(list(alertmanagers).get(0)).get("static_configs")).get(0)).get("targets")))
        .containsExactly("alertmanager:9093");
  }

  @Test
  void everyAlertShouldHaveSeveritySummaryDescriptionAndRunbookUrl() {
    assertThat(OpsFiles.alertingRules()).isNotEmpty();
    for (Map<String, Object> rule : OpsFiles.alertingRules()) {
      String name = (String) rule.get("alert");
      assertThat(name).as("alert name").matches("Llm[A-Za-z0-9]+");
      assertThat(map(rule.get("labels")).get("severity"))
          .as("severity of %s", name)
          .isIn("critical", "warning");
      Map<String, Object> annotations = map(rule.get("annotations"));
      assertThat(annotations).as("annotations of %s", name).containsKeys("summary", "description", "runbook_url");
      assertThat((String) annotations.get("summary")).as("summary of %s", name).isNotBlank();
      assertThat((String) annotations.get("description")).as("description of %s", name).isNotBlank();
      assertThat(annotations.get("runbook_url"))
          .as("runbook_url of %s", name)
          .isEqualTo(RUNBOOK_PREFIX + name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void annotationsShouldShowOnlyLabelValuesAndTheAlertValue() {
    for (Map<String, Object> rule : OpsFiles.alertingRules()) {
      for (Map.Entry<String, Object> annotation : map(rule.get("annotations")).entrySet()) {
        Matcher m = TEMPLATE.matcher(String.valueOf(annotation.getValue()));
        while (m.find()) {
          Matcher allowed = ALLOWED_TEMPLATE.matcher(m.group(1));
          assertThat(allowed.matches())
              .as("%s annotation %s uses template {{%s}}", rule.get("alert"), annotation.getKey(), m.group(1))
              .isTrue();
          if (allowed.group(1) != null) {
            assertThat(allowed.group(1))
                .as("label shown by %s annotation %s", rule.get("alert"), annotation.getKey())
                .isIn(LABELS_ALLOWED_IN_ANNOTATIONS);
          }
        }
      }
    }
  }

  @Test
  void everyRunbookUrlShouldPointAtAnExistingRunbookSection() throws IOException {
    Path runbooks = runbookDocument();
    Set<String> anchors = new LinkedHashSet<>();
    Matcher m = HEADING.matcher(Files.readString(runbooks));
    while (m.find()) {
      anchors.add(OpsFiles.githubAnchor(m.group(1)));
    }
    for (Map<String, Object> rule : OpsFiles.alertingRules()) {
      String url = (String) map(rule.get("annotations")).get("runbook_url");
      String anchor = url.substring(url.indexOf('#') + 1);
      assertThat(anchors).as("runbook sections in %s (for %s)", runbooks, rule.get("alert")).contains(anchor);
    }
  }

  @Test
  void everyAlertShouldHaveANotYetFiringAndAFiringUnitTestCase() {
    Set<String> firing = new LinkedHashSet<>();
    Set<String> notFiring = new LinkedHashSet<>();
    for (Path file : OpsFiles.ruleTestFiles()) {
      for (Object test : list(OpsFiles.readYaml(file).get("tests"))) {
        for (Object ruleTest : list(map(test).get("alert_rule_test"))) {
          Map<String, Object> t = map(ruleTest);
          String alertname = (String) t.get("alertname");
          List<Object> expected = list(t.get("exp_alerts"));
          if (expected.isEmpty()) {
            notFiring.add(alertname);
          } else {
            firing.add(alertname);
            for (Object alert : expected) {
              assertThat(map(alert))
                  .as("expected %s alert in %s", alertname, file)
                  .containsKeys("exp_labels", "exp_annotations");
            }
          }
        }
      }
    }
    assertThat(firing).as("alerts with a firing unit test case").containsAll(OpsFiles.alertNames());
    assertThat(notFiring).as("alerts with a not-firing unit test case").containsAll(OpsFiles.alertNames());
  }

  @Test
  void recordingRuleNamesShouldFollowLevelMetricOperation() {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> rule : OpsFiles.recordingRules()) {
      names.add((String) rule.get("record"));
    }
    assertThat(names).isNotEmpty().allMatch(n -> LEVEL_METRIC_OPERATION.matcher(n).matches());
    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  void everyRecordingRuleAnAlertReadsShouldBeDefined() {
    Set<String> defined =
        OpsFiles.recordingRules().stream().map(r -> (String) r.get("record")).collect(Collectors.toSet());
    Pattern recorded = Pattern.compile("[a-z_]+:[a-z0-9_]+:[a-z0-9_]+");
    for (Map<String, Object> rule : OpsFiles.alertingRules()) {
      Matcher m = recorded.matcher((String) rule.get("expr"));
      while (m.find()) {
        assertThat(defined).as("recording rule read by %s", rule.get("alert")).contains(m.group());
      }
    }
  }

  /** README.md once it holds the runbooks (a "Runbooks" heading), docs/runbooks.md until then. */
  static Path runbookDocument() throws IOException {
    Path readme = OpsFiles.repoRoot().resolve("README.md");
    if (Files.isRegularFile(readme)
        && Pattern.compile("(?im)^#{1,6}\\s+.*runbooks").matcher(Files.readString(readme)).find()) {
      return readme;
    }
    Path docs = OpsFiles.repoRoot().resolve("docs").resolve("runbooks.md");
    assertThat(docs).as("runbooks: README.md has no Runbooks heading, so docs/runbooks.md must exist").exists();
    return docs;
  }
}
