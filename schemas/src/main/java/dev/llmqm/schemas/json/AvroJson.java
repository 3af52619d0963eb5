package dev.llmqm.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The plain JSON form of the Avro contracts (DESIGN §4): the same field names, plain JSON values
 * (no union wrappers), {@code timestamp-millis} as epoch milliseconds (ISO-8601 strings are also
 * read). Missing optional fields take their defaults; a missing required field, an unknown enum
 * symbol or a value of the wrong type raises {@link JsonContractException} naming the path.
 * Unknown fields are ignored, so newer producers' documents still read.
 */
public final class AvroJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  /** Parses one JSON document into a specific record. */
  public static <T extends SpecificRecord> T fromJson(String json, Class<T> type) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (Exception e) {
      throw new JsonContractException("$", "not valid JSON (" + e.getClass().getSimpleName() + ")");
    }
    return fromJson(node, type);
  }

  /** Converts a parsed JSON object into a specific record. */
  public static <T extends SpecificRecord> T fromJson(JsonNode node, Class<T> type) {
    Schema schema = SpecificData.get().getSchema(type);
    return type.cast(read(node, schema, "$"));
  }

  /** Writes a record as a JSON object; null optional fields are omitted. */
  public static ObjectNode toJson(IndexedRecord record) {
    return (ObjectNode) write(record, record.getSchema());
  }

  /** Writes a record as a one-line JSON string. */
  public static String toJsonString(IndexedRecord record) {
    return toJson(record).toString();
  }

  private static Object read(JsonNode node, Schema schema, String path) {
    switch (schema.getType()) {
      case UNION:
        return readUnion(node, schema, path);
      case NULL:
        if (node != null && !node.isNull()) {
          throw new JsonContractException(path, "expected null");
        }
        return null;
      case RECORD:
        return readRecord(node, schema, path);
      case STRING:
        if (node == null || !node.isTextual()) {
          throw new JsonContractException(path, "expected a string, got " + describe(node));
        }
        return node.asText();
      case BOOLEAN:
        if (node == null || !node.isBoolean()) {
          throw new JsonContractException(path, "expected true or false, got " + describe(node));
        }
        return node.booleanValue();
      case INT:
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
          throw new JsonContractException(path, "expected an integer, got " + describe(node));
        }
        return node.intValue();
      case LONG:
        return readLong(node, schema, path);
      case FLOAT:
      case DOUBLE:
        if (node == null || !node.isNumber()) {
          throw new JsonContractException(path, "expected a number, got " + describe(node));
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
          throw new JsonContractException(path, "expected a finite number");
        }
        return schema.getType() == Schema.Type.FLOAT ? (Object) (float) d : (Object) d;
      case ENUM:
        if (node == null || !node.isTextual()) {
          throw new JsonContractException(path, "expected one of " + schema.getEnumSymbols());
        }
        String symbol = node.asText();
        if (!schema.hasEnumSymbol(symbol)) {
          String upper = symbol.toUpperCase(java.util.Locale.ROOT);
          if (!schema.hasEnumSymbol(upper)) {
            throw new JsonContractException(
                path, "'" + truncate(symbol) + "' is not one of " + schema.getEnumSymbols());
          }
          symbol = upper;
        }
        return SpecificData.get().createEnum(symbol, schema);
      case ARRAY:
        if (node == null || !node.isArray()) {
          throw new JsonContractException(path, "expected an array, got " + describe(node));
        }
        List<Object> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
          list.add(read(node.get(i), schema.getElementType(), path + "[" + i + "]"));
        }
        return list;
      case MAP:
        if (node == null || !node.isObject()) {
          throw new JsonContractException(path, "expected an object, got " + describe(node));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          map.put(e.getKey(), read(e.getValue(), schema.getValueType(), path + "." + e.getKey()));
        }
        return map;
      case BYTES:
        if (node == null || !node.isTextual()) {
          throw new JsonContractException(path, "expected base64 text");
        }
        try {
          return ByteBuffer.wrap(Base64.getDecoder().decode(node.asText()));
        } catch (IllegalArgumentException e) {
          throw new JsonContractException(path, "expected base64 text");
        }
      default:
        throw new JsonContractException(path, "unsupported schema type " + schema.getType());
    }
  }

  private static Object readUnion(JsonNode node, Schema schema, String path) {
    boolean nullable = false;
    Schema single = null;
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        nullable = true;
      } else if (single == null) {
        single = branch;
      } else {
        throw new JsonContractException(path, "unions of several non-null types are not supported");
      }
    }
    if (node == null || node.isNull()) {
      if (!nullable) {
        throw new JsonContractException(path, "must not be null");
      }
      return null;
    }
    return read(node, single, path);
  }

  private static Object readLong(JsonNode node, Schema schema, String path) {
    LogicalType logical = schema.getLogicalType();
    boolean timestamp = logical instanceof LogicalTypes.TimestampMillis;
    long value;
    if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
      value = node.longValue();
    } else if (timestamp && node != null && node.isTextual()) {
      try {
        value = Instant.parse(node.asText()).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new JsonContractException(path, "expected epoch milliseconds or an ISO-8601 instant");
      }
    } else {
      throw new JsonContractException(
          path,
          (timestamp ? "expected epoch milliseconds" : "expected an integer") + ", got " + describe(node));
    }
    return timestamp ? Instant.ofEpochMilli(value) : (Object) value;
  }

  private static IndexedRecord readRecord(JsonNode node, Schema schema, String path) {
    if (node == null || !node.isObject()) {
      throw new JsonContractException(path, "expected an object, got " + describe(node));
    }
    IndexedRecord record = (IndexedRecord) SpecificData.get().newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = node.get(field.name());
      String fieldPath = path + "." + field.name();
      Object converted;
      if (value == null || (value.isNull() && !acceptsNull(field.schema()))) {
        if (!field.hasDefaultValue()) {
          throw new JsonContractException(fieldPath, "required field missing");
        }
        converted = SpecificData.get().getDefaultValue(field);
      } else {
        converted = read(value, field.schema(), fieldPath);
      }
      record.put(field.pos(), converted);
    }
    return record;
  }

  private static boolean acceptsNull(Schema schema) {
    if (schema.getType() == Schema.Type.NULL) {
      return true;
    }
    if (schema.getType() == Schema.Type.UNION) {
      for (Schema s : schema.getTypes()) {
        if (s.getType() == Schema.Type.NULL) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode write(Object value, Schema schema) {
    if (value == null) {
      return NODES.nullNode();
    }
    switch (schema.getType()) {
      case UNION:
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            return write(value, branch);
          }
        }
        return NODES.nullNode();
      case RECORD:
        IndexedRecord record = (IndexedRecord) value;
        ObjectNode obj = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
          Object v = record.get(field.pos());
          if (v != null) {
            obj.set(field.name(), write(v, field.schema()));
          }
        }
        return obj;
      case STRING:
      case ENUM:
        return NODES.textNode(value instanceof GenericEnumSymbol<?> || value instanceof Enum<?>
            ? value.toString() : value.toString());
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      case INT:
        return NODES.numberNode(((Number) value).intValue());
      case LONG:
        if (value instanceof Instant instant) {
          return NODES.numberNode(instant.toEpochMilli());
        }
        return NODES.numberNode(((Number) value).longValue());
      case FLOAT:
      case DOUBLE:
        return NODES.numberNode(((Number) value).doubleValue());
      case ARRAY:
        ArrayNode arr = NODES.arrayNode();
        for (Object item : (Iterable<?>) value) {
          arr.add(write(item, schema.getElementType()));
        }
        return arr;
      case MAP:
        ObjectNode map = NODES.objectNode();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          map.set(e.getKey().toString(), write(e.getValue(), schema.getValueType()));
        }
        return map;
      case BYTES:
        ByteBuffer buf = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
      default:
        throw new IllegalArgumentException("unsupported schema type " + schema.getType());
    }
  }

  private static String describe(JsonNode node) {
    if (node == null) {
      return "nothing";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String truncate(String s) {
    return s.length() <= 32 ? s : s.substring(0, 32) + "…";
  }

  static GenericData model() {
    return SpecificData.get();
  }
}
