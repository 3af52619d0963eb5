package dev.llmqm.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the monitor's topics when they are missing, with the broker's default settings. */
public final class TopicSetup {
  private TopicSetup() {}

  /** Returns the names it created. */
  public static List<String> ensure(Admin admin, Collection<String> topics, int partitions)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<NewTopic> missing = new ArrayList<>();
    for (String t : topics) {
      if (!existing.contains(t)) {
        missing.add(new NewTopic(t, Optional.of(partitions), Optional.empty()));
      }
    }
    if (missing.isEmpty()) {
      return List.of();
    }
    try {
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    return missing.stream().map(NewTopic::name).toList();
  }
}
