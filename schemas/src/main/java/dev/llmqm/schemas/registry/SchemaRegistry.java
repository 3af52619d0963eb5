package dev.llmqm.schemas.registry;

import org.apache.avro.Schema;

/** The three Schema Registry operations the wire-format serdes need. Implementations cache. */
public interface SchemaRegistry extends AutoCloseable {

  /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
  int register(String subject, Schema schema);

  /** Returns the id of {@code schema} if it is already registered under {@code subject}. */
  int lookup(String subject, Schema schema);

  /** Returns the schema with the given global id. */
  Schema getById(int id);

  @Override
  default void close() {}
}
