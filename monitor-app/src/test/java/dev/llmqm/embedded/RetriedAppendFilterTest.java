package dev.llmqm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RetriedAppendFilterTest {

  private static final String RETRIED = "Invalid sequence number for producer 1 at offset 131 in partition"
      + " llm.scores.v1-0: 78 (incoming seq. number). Expected sequence 0 for transactions v2 idempotent producer"
      + " with no existing state.";

  @Test
  void shouldDropOnlyTheRefusedAppendThatTheProducerResends() {
    Filter filter = RetriedAppendFilter.create();
    assertThat(filter.filter(event(Level.ERROR, new OutOfOrderSequenceException(RETRIED))))
        .isEqualTo(Filter.Result.DENY);
    // any other out-of-order sequence is a real one
    assertThat(filter.filter(event(Level.ERROR, new OutOfOrderSequenceException(
        "Out of order sequence number for producer 7: 51 (incoming seq. number), 49 (current end sequence number)"))))
        .isEqualTo(Filter.Result.NEUTRAL);
    assertThat(filter.filter(event(Level.ERROR, new IllegalStateException(RETRIED))))
        .isEqualTo(Filter.Result.NEUTRAL);
    assertThat(filter.filter(event(Level.ERROR, null))).isEqualTo(Filter.Result.NEUTRAL);
  }

  @Test
  void shouldLetEveryOtherEventOfTheBrokerThroughOnceInstalled() {
    RetriedAppendFilter.install();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    LoggerConfig config = context.getConfiguration().getLoggerConfig(RetriedAppendFilter.LOGGER);
    assertThat(config.getName()).isEqualTo(RetriedAppendFilter.LOGGER);
    assertThat(config.getParent()).isNotNull();
    List<String> seen = new CopyOnWriteArrayList<>();
    AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        seen.add(event.getMessage().getFormattedMessage());
      }
    };
    capture.start();
    config.addAppender(capture, Level.ALL, null);
    try {
      org.slf4j.Logger broker = LoggerFactory.getLogger(RetriedAppendFilter.LOGGER);
      broker.error("retried append", new OutOfOrderSequenceException(RETRIED));
      broker.error("real failure", new IllegalStateException("disk full"));
      assertThat(seen).containsExactly("real failure");
    } finally {
      config.removeAppender("capture");
      capture.stop();
    }
  }

  private static Log4jLogEvent event(Level level, Throwable thrown) {
    return Log4jLogEvent.newBuilder().setLoggerName(RetriedAppendFilter.LOGGER).setLevel(level)
        .setMessage(new SimpleMessage("Error processing append operation on partition llm.scores.v1-0"))
        .setThrown(thrown).build();
  }
}
