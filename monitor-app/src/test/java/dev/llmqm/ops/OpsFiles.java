package dev.llmqm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Shared helpers for the tests of alerts/, grafana/ and docker-compose.yml: files, YAML, binaries. */
final class OpsFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();
  static final String EXPOSED_SERIES_RESOURCE = "/ops/exposed-series.txt";

  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");

  private OpsFiles() {}

  /** The repository root: the nearest directory upwards holding both mvnw and alerts/. */
  static Path repoRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("alerts"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root (mvnw + alerts/) above " + dir);
  }

  static Path alertsDir() {
    return repoRoot().resolve("alerts");
  }

  static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> ruleFiles() {
    return files(alertsDir().resolve("rules"), ".yml");
  }

  static List<Path> ruleTestFiles() {
    return files(alertsDir().resolve("tests"), ".yml");
  }

  static List<Path> dashboardFiles() {
    return files(repoRoot().resolve("grafana").resolve("dashboards"), ".json");
  }

  static Map<String, Object> readYaml(Path file) {
    try {
      return YAML.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  static void writeYaml(Path file, Object value) {
    try {
      YAML.writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }

  /** Every rule (alerting and recording) of every file in alerts/rules, in file order. */
  static List<Map<String, Object>> allRules() {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Path file : ruleFiles()) {
      for (Object group : list(readYaml(file).get("groups"))) {
        for (Object rule : list(map(group).get("rules"))) {
          rules.add(map(rule));
        }
      }
    }
    return rules;
  }

  static List<Map<String, Object>> alertingRules() {
    return allRules().stream().filter(r -> r.containsKey("alert")).collect(Collectors.toList());
  }

  static List<Map<String, Object>> recordingRules() {
    return allRules().stream().filter(r -> r.containsKey("record")).collect(Collectors.toList());
  }

  static Set<String> alertNames() {
    return alertingRules().stream()
        .map(r -> (String) r.get("alert"))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The series names the monitor exposes (the contract), one per line; blank lines and # comments ignored. */
  static Set<String> exposedSeries() {
    try (InputStream in = OpsFiles.class.getResourceAsStream(EXPOSED_SERIES_RESOURCE)) {
      assertThat(in).as("test resource %s", EXPOSED_SERIES_RESOURCE).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toCollection(LinkedHashSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The raw {@code llm_} series names a PromQL expression reads. String literals are skipped, and so
   * are names with colons (recording-rule outputs, {@code level:metric:operation}).
   */
  static Set<String> llmSeriesIn(String promql) {
    String withoutStrings = QUOTED.matcher(promql).replaceAll("\"\"");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(withoutStrings);
    while (m.find()) {
      String token = m.group();
      if (token.startsWith("llm_") && !token.contains(":")) {
        names.add(token);
      }
    }
    return names;
  }

  /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
  static String githubAnchor(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }

  static Optional<Path> binary(String name) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Paths.get(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static void assumeBinary(String name) {
    Assumptions.assumeTrue(
        binary(name).isPresent(),
        () ->
            "skipped: `"
                + name
                + "` is not on the PATH (apt-get install prometheus prometheus-alertmanager docker-compose;"
                + " .ci/run installs them)");
  }

  /** The outcome of a finished command: exit code and its merged stdout and stderr. */
  record Result(int exitCode, String output) {}

  static Result run(Path workDir, Duration timeout, String... command) {
    try {
      Path log = Files.createTempFile("ops-cmd", ".log");
      try {
        Process p =
            new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError(String.join(" ", command) + " timed out after " + timeout);
        }
        return new Result(p.exitValue(), Files.readString(log));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
