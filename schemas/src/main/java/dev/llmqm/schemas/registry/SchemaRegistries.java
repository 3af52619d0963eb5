package dev.llmqm.schemas.registry;

import java.util.Map;

/** Picks the registry implementation for a configuration. */
public final class SchemaRegistries {
  private SchemaRegistries() {}

  /** {@code mock://scope} gives the shared in-memory registry of that scope; anything else REST. */
  public static SchemaRegistry create(RegistryClientConfig config) {
    if (config.isMock()) {
      return InMemorySchemaRegistry.forScope(config.urls().get(0).substring("mock://".length()));
    }
    return new RestSchemaRegistryClient(config);
  }

  public static SchemaRegistry create(Map<String, ?> configs) {
    return create(RegistryClientConfig.fromMap(configs));
  }
}
