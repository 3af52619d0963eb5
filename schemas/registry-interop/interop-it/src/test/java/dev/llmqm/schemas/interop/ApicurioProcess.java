package dev.llmqm.schemas.interop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apicurio Registry running as a separate JVM ({@code java -jar quarkus-run.jar}) on a free loopback
 * port ({@code HTTP_PORT=0}; the port is read from the "Listening on:" line of its log). In-memory
 * storage: every start is a fresh registry. {@link #close()} stops it; a shutdown hook stops it if
 * the test JVM exits first.
 */
final class ApicurioProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Listening on: (http://[^\\s,]+)");

  private final Process process;
  private final Thread shutdownHook;
  private final String baseUrl;
  private final Duration startTime;

  private ApicurioProcess(Process process, Thread shutdownHook, String baseUrl, Duration startTime) {
    this.process = process;
    this.shutdownHook = shutdownHook;
    this.baseUrl = baseUrl;
    this.startTime = startTime;
  }

  /** Starts the registry and waits until it listens and reports ready, at most {@code timeout}. */
  static ApicurioProcess start(Path jar, Path log, Duration timeout) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No runnable Apicurio app at " + jar + ": build module schemas/registry-interop/apicurio-server first"
              + " (./mvnw verify -Pregistry-interop)");
    }
    Files.createDirectories(log.toAbsolutePath().getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toAbsolutePath().toString())
            .directory(log.toAbsolutePath().getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("HTTP_PORT", "0");
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    Process process = builder.start();
    Thread hook = new Thread(process::destroyForcibly, "apicurio-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      String baseUrl = awaitListening(process, log, deadline, timeout);
      awaitReady(process, log, baseUrl + "/health/ready", deadline, timeout);
      return new ApicurioProcess(
          process, hook, baseUrl, Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      stop(process);
      removeHook(hook);
      throw e;
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  String baseUrl() {
    return baseUrl;
  }

  /** From process start to ready. */
  Duration startTime() {
    return startTime;
  }

  @Override
  public void close() {
    stop(process);
    removeHook(shutdownHook);
  }

  private static String awaitListening(Process process, Path log, long deadline, Duration timeout)
      throws IOException, InterruptedException {
    while (true) {
      Matcher m = LISTENING.matcher(read(log));
      if (m.find()) {
        return m.group(1);
      }
      checkAlive(process, log, deadline, timeout, "listening");
      Thread.sleep(200);
    }
  }

  private static void awaitReady(Process process, Path log, String url, long deadline, Duration timeout)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
    while (true) {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not accepting connections yet
      }
      checkAlive(process, log, deadline, timeout, "ready");
      Thread.sleep(200);
    }
  }

  private static void checkAlive(Process process, Path log, long deadline, Duration timeout, String state)
      throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "Apicurio exited with status " + process.exitValue() + " before it was " + state + "; log " + log
              + ":\n" + tail(log));
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException(
          "Apicurio not " + state + " after " + timeout.toSeconds() + " s; log " + log + ":\n" + tail(log));
    }
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1) : "";
  }

  private static String tail(Path log) throws IOException {
    String text = read(log);
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs anyway
    }
  }
}
