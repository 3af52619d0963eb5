package dev.llmqm.embedded;

import java.nio.file.Path;

/** File helpers for the embedded demo. */
public final class DemoFiles {
  private DemoFiles() {}

  public static void deleteRecursively(Path dir) {
    EmbeddedKafka.deleteRecursively(dir);
  }
}
