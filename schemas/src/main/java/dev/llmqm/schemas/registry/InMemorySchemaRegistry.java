package dev.llmqm.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * An in-memory registry selected by {@code mock://<scope>} URLs: every client with the same scope
 * in one JVM shares the same registry. New versions of a subject must be BACKWARD compatible with
 * the latest one, as in Confluent Schema Registry's default; otherwise registration fails with
 * {@link SchemaRegistryException.IncompatibleSchemaException}.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
  private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final Map<Integer, Schema> byId = new HashMap<>();
  private final Map<Schema, Integer> idBySchema = new HashMap<>();
  private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();

  /** Returns the shared registry for {@code scope}, creating it on first use. */
  public static InMemorySchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
  }

  /** Forgets a scope (tests). */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(schema)) {
      if (!versions.isEmpty()) {
        Schema latest = versions.get(versions.size() - 1);
        var result = SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getResult();
        if (result.getCompatibility()
            != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
          throw new SchemaRegistryException.IncompatibleSchemaException(
              "Schema being registered is incompatible with the latest version of subject '"
                  + subject
                  + "': "
                  + result.getIncompatibilities(),
              409);
        }
      }
      versions.add(schema);
    }
    return idBySchema.computeIfAbsent(
        schema,
        s -> {
          int id = byId.size() + 1;
          byId.put(id, s);
          return id;
        });
  }

  @Override
  public synchronized int lookup(String subject, Schema schema) {
    List<Schema> versions = versionsBySubject.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException.NotFoundException(
          "Subject '" + subject + "' not found", 40401);
    }
    if (!versions.contains(schema)) {
      throw new SchemaRegistryException.NotFoundException(
          "Schema not found under subject '" + subject + "'", 40403);
    }
    return idBySchema.get(schema);
  }

  @Override
  public synchronized Schema getById(int id) {
    Schema schema = byId.get(id);
    if (schema == null) {
      throw new SchemaRegistryException.NotFoundException("Schema " + id + " not found", 40403);
    }
    return schema;
  }
}
