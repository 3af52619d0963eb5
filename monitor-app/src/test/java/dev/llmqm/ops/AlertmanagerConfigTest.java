package dev.llmqm.ops;

import static dev.llmqm.ops.OpsFiles.list;
import static dev.llmqm.ops.OpsFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks alerts/alertmanager.yml with amtool: valid, critical pages, warning tickets. */
class AlertmanagerConfigTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Path CONFIG = OpsFiles.alertsDir().resolve("alertmanager.yml");

  @Test
  void shouldPassAmtoolCheckConfig() {
    OpsFiles.assumeBinary("amtool");
    OpsFiles.Result result = OpsFiles.run(OpsFiles.alertsDir(), TIMEOUT, "amtool", "check-config", CONFIG.toString());
    assertThat(result.exitCode()).as("amtool check-config:%n%s", result.output()).isZero();
  }

  @Test
  void shouldRouteCriticalAlertsToThePager() {
    assertRoutedTo("pager", "severity=critical", "alertname=LlmSafetyBurnRate", "service=chat");
  }

  @Test
  void shouldRouteWarningAlertsToTheTicketQueue() {
    assertRoutedTo("ticket", "severity=warning", "alertname=LlmSafetyBurnRate", "service=chat");
  }

  @Test
  void shouldRouteAlertsWithoutSeverityToTheTicketQueue() {
    assertRoutedTo("ticket", "alertname=SomethingElse");
  }

  @Test
  void shouldGroupByAlertAndServiceAndInhibitTicketsWhileTheSameAlertPages() {
    Map<String, Object> config = OpsFiles.readYaml(CONFIG);
    assertThat(list(map(config.get("route")).get("group_by"))).containsExactly("alertname", "service");
    assertThat(list(config.get("inhibit_rules")))
        .anySatisfy(
            rule -> {
              Map<String, Object> r = map(rule);
              assertThat(list(r.get("source_matchers"))).containsExactly("severity=\"critical\"");
              assertThat(list(r.get("target_matchers"))).containsExactly("severity=\"warning\"");
              assertThat(list(r.get("equal"))).contains("alertname", "service");
            });
  }

  @Test
  void shouldDeliverBothReceiversToLocalWebhooksByDefault() {
    for (Object receiver : list(OpsFiles.readYaml(CONFIG).get("receivers"))) {
      assertThat(list(map(receiver).get("webhook_configs")))
          .as("webhooks of %s", map(receiver).get("name"))
          .isNotEmpty()
          .allSatisfy(w -> assertThat((String) map(w).get("url")).startsWith("http://127.0.0.1:5001/"));
    }
  }

  private static void assertRoutedTo(String receiver, String... labels) {
    OpsFiles.assumeBinary("amtool");
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of(
                "amtool", "config", "routes", "test", "--config.file=" + CONFIG, "--verify.receivers=" + receiver));
    command.addAll(java.util.List.of(labels));
    OpsFiles.Result result = OpsFiles.run(OpsFiles.alertsDir(), TIMEOUT, command.toArray(String[]::new));
    assertThat(result.exitCode()).as("amtool config routes test %s:%n%s", String.join(" ", labels), result.output())
        .isZero();
    assertThat(result.output().lines()).contains(receiver);
  }
}
