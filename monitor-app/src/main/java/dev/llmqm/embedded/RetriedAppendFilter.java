package dev.llmqm.embedded;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Drops one ERROR of the embedded broker that is not an error: a transactional producer's first batch to a
 * partition is refused with CONCURRENT_TRANSACTIONS while the previous transaction's markers are still being
 * written, so the batches it had in flight behind it arrive with a sequence number the partition does not expect
 * yet. The broker logs each of those with a stack trace ("Expected sequence 0 for transactions v2 idempotent
 * producer with no existing state"); the producer resends all of them in order and they are written once. A
 * failure the producer cannot resolve still surfaces, from Kafka Streams. Only the demo's own broker is filtered.
 */
final class RetriedAppendFilter extends AbstractFilter {

  static final String LOGGER = "kafka.server.ReplicaManager";
  private static final String MARKER = "with no existing state";

  private RetriedAppendFilter() {
    super(Result.DENY, Result.NEUTRAL);
  }

  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  /** Adds the filter, once per process, to the broker's replica manager logger of the log4j configuration. */
  static void install() {
    if (!(LogManager.getContext(false) instanceof LoggerContext context) || !INSTALLED.compareAndSet(false, true)) {
      return; // another logging backend, or already there
    }
    Configuration config = context.getConfiguration();
    LoggerConfig parent = config.getLoggerConfig(LOGGER);
    if (parent.getName().equals(LOGGER)) {
      parent.addFilter(new RetriedAppendFilter());
    } else {
      // a logger of its own, at its parent's level and passing events on to its parent's appenders
      LoggerConfig own = new LoggerConfig(LOGGER, parent.getLevel(), true);
      own.setParent(parent);
      own.addFilter(new RetriedAppendFilter());
      config.addLogger(LOGGER, own);
    }
    context.updateLoggers();
  }

  @Override
  public Result filter(LogEvent event) {
    return retriedFirstAppend(event.getLevel(), event.getThrown()) ? onMatch : onMismatch;
  }

  /** Whether an event of the broker's replica manager is the refused append that the producer resends. */
  static boolean retriedFirstAppend(Level level, Throwable thrown) {
    return level == Level.ERROR && thrown instanceof OutOfOrderSequenceException
        && thrown.getMessage() != null && thrown.getMessage().contains(MARKER);
  }

  static Filter create() {
    return new RetriedAppendFilter();
  }
}
