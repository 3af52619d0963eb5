package dev.llmqm.embedded;

import dev.llmqm.schemas.LlmTraceEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link TrafficGenerator} on an (optionally accelerated) event-time clock: every tick
 * it generates the events of the next {@code tick × speed} of event time and hands them to a
 * sink (a Kafka producer).
 */
public final class DemoTraffic implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
  private static final long TICK_MS = 250;

  private final TrafficGenerator generator;
  private final double speed;
  private final Consumer<LlmTraceEvent> sink;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong sent = new AtomicLong();
  private final Thread thread;
  private final long startEventTime;

  public DemoTraffic(TrafficGenerator generator, double speed, long startEventTime, Consumer<LlmTraceEvent> sink) {
    this.generator = generator;
    this.speed = speed;
    this.sink = sink;
    this.startEventTime = startEventTime;
    this.thread = new Thread(this::loop, "demo-traffic");
    this.thread.setDaemon(true);
  }

  public DemoTraffic start() {
    thread.start();
    return this;
  }

  public long sent() {
    return sent.get();
  }

  private void loop() {
    long eventTime = startEventTime;
    long nextTick = System.currentTimeMillis();
    while (running.get()) {
      long step = Math.round(TICK_MS * speed);
      List<LlmTraceEvent> batch = generator.between(eventTime, eventTime + step);
      for (LlmTraceEvent e : batch) {
        try {
          sink.accept(e);
          sent.incrementAndGet();
        } catch (RuntimeException ex) {
          if (running.get()) {
            LOG.warn("Demo traffic could not send an event: {}", ex.toString());
          }
        }
      }
      eventTime += step;
      nextTick += TICK_MS;
      long sleep = nextTick - System.currentTimeMillis();
      if (sleep > 0) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    running.set(false);
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
