package dev.llmqm.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Serves {@code /metrics} (Prometheus text format 0.0.4), {@code /health/live} and {@code
 * /health/ready} (200 only while Kafka Streams is RUNNING).
 */
public final class MonitorHttpServer implements AutoCloseable {
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  public MonitorHttpServer(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 16);
    executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "monitor-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/metrics", ex -> {
      if (!allowGet(ex)) {
        return;
      }
      respond(ex, 200, PROMETHEUS_CONTENT_TYPE, registry.scrape());
    });
    server.createContext("/health/live", ex -> {
      if (allowGet(ex)) {
        respond(ex, 200, "application/json", "{\"status\":\"UP\"}");
      }
    });
    server.createContext("/health/ready", ex -> {
      if (allowGet(ex)) {
        boolean ok = ready.getAsBoolean();
        respond(ex, ok ? 200 : 503, "application/json", ok ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
      }
    });
    server.createContext("/", ex -> {
      if (allowGet(ex)) {
        boolean root = ex.getRequestURI().getPath().equals("/");
        respond(ex, root ? 200 : 404, "text/plain; charset=utf-8",
            root ? "LLM Quality Monitor: /metrics /health/live /health/ready\n" : "not found\n");
      }
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static boolean allowGet(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return true;
    }
    ex.getResponseHeaders().add("Allow", "GET, HEAD");
    respond(ex, 405, "text/plain; charset=utf-8", "method not allowed\n");
    return false;
  }

  private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
