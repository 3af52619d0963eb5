package dev.llmqm.ops;

import static dev.llmqm.ops.OpsFiles.list;
import static dev.llmqm.ops.OpsFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks docker-compose.yml (docker-compose 1.29 format) and the monitor's Dockerfile. */
class ComposeFileTest {
  private static final Path COMPOSE = OpsFiles.repoRoot().resolve("docker-compose.yml");

  @Test
  void shouldPassDockerComposeConfigValidation() {
    OpsFiles.assumeBinary("docker-compose");
    OpsFiles.Result result =
        OpsFiles.run(
            OpsFiles.repoRoot(), Duration.ofSeconds(60), "docker-compose", "-f", COMPOSE.toString(), "config", "-q");
    assertThat(result.exitCode()).as("docker-compose config -q:%n%s", result.output()).isZero();
  }

  @Test
  void shouldRunTheWholeStack() {
    Map<String, Object> services = map(OpsFiles.readYaml(COMPOSE).get("services"));
    assertThat(services)
        .containsKeys(
            "kafka", "schema-registry", "monitor", "traffic-generator", "prometheus", "alertmanager", "grafana");
    for (String app : new String[] {"monitor", "traffic-generator"}) {
      Map<String, Object> service = map(services.get(app));
      assertThat(map(service.get("build"))).containsEntry("dockerfile", "Dockerfile");
      assertThat(map(service.get("environment")))
          .containsEntry("MONITOR_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
          .containsEntry("MONITOR_SCHEMA_REGISTRY_URL", "http://schema-registry:8081");
    }
    assertThat(list(map(services.get("traffic-generator")).get("command"))).containsExactly("generate");
    assertThat(list(map(services.get("monitor")).get("command"))).containsExactly("run");
  }

  @Test
  void shouldAvoidKeysThatDockerCompose129Rejects() {
    Map<String, Object> compose = OpsFiles.readYaml(COMPOSE);
    assertThat(compose).doesNotContainKeys("name", "include");
    map(compose.get("services"))
        .forEach(
            (name, s) -> {
              Map<String, Object> service = map(s);
              assertThat(map(service.get("healthcheck"))).as("healthcheck of %s", name)
                  .doesNotContainKey("start_interval");
              Object dependsOn = service.get("depends_on");
              if (dependsOn instanceof Map) {
                map(dependsOn).forEach((dep, cond) -> {
                  assertThat(services(compose)).as("%s depends on %s", name, dep).containsKey(dep);
                  assertThat(map(cond)).as("depends_on %s of %s", dep, name).doesNotContainKey("required");
                });
              }
            });
  }

  @Test
  void shouldMountFilesThatExist() {
    map(OpsFiles.readYaml(COMPOSE).get("services"))
        .forEach(
            (name, s) -> {
              for (Object volume : list(map(s).get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                  assertThat(OpsFiles.repoRoot().resolve(source.substring(2)))
                      .as("bind mount of %s", name)
                      .exists();
                }
              }
            });
  }

  @Test
  void dockerfileShouldRunTheShadedJarAsANonRootUser() throws IOException {
    String dockerfile = Files.readString(OpsFiles.repoRoot().resolve("monitor-app/Dockerfile"));
    assertThat(dockerfile)
        .contains("FROM eclipse-temurin:17-jre")
        .contains("COPY target/monitor-app.jar /app/monitor-app.jar")
        .contains("EXPOSE 8080")
        .containsPattern("(?m)^USER (?!root|0\\b)\\S+")
        .containsPattern("(?m)^ENTRYPOINT \\[\"java\", ?\"-jar\", ?\"/app/monitor-app.jar\"]")
        .containsPattern("(?m)^CMD \\[\"run\"]");
  }

  private static Map<String, Object> services(Map<String, Object> compose) {
    return map(compose.get("services"));
  }
}
